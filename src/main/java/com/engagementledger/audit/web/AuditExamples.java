package com.engagementledger.audit.web;

import com.engagementledger.audit.api.AggregateStateAsOf;
import com.engagementledger.audit.api.AuditAccessPage;
import com.engagementledger.audit.api.AuditEventPage;
import com.engagementledger.audit.api.CheckpointPage;
import com.engagementledger.audit.api.KeyRotated;
import com.engagementledger.audit.api.VerificationReport;
import com.engagementledger.platform.web.ApiExamples;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example answers of the audit endpoints, shown in the OpenAPI document and Swagger UI.
 */
@Component
class AuditExamples implements ApiExamples {

    @Override
    public Map<Class<?>, String> examples() {
        return Map.of(
                AuditEventPage.class, """
                        {"items": [{"position": 1042, "timestamp": "2035-03-05T10:15:30.123Z",
                                    "aggregateType": "engagement",
                                    "aggregateId": "3f6b1c9e-2d4a-4b8f-9c0e-7a5d1e2f3b4c", "sequence": 4,
                                    "eventType": "EngagementPaused", "revision": "1",
                                    "payload": {"engagementId": "3f6b1c9e-2d4a-4b8f-9c0e-7a5d1e2f3b4c",
                                                "pauseDate": "2035-03-10"},
                                    "metadata": {"actor": "maria", "roles": ["ACCOUNT_MANAGER"],
                                                 "reason": "client budget freeze until April",
                                                 "correlationId": "8d2e4f60-1a3b-4c5d-9e7f-0a1b2c3d4e5f",
                                                 "causationId": "8d2e4f60-1a3b-4c5d-9e7f-0a1b2c3d4e5f",
                                                 "requestId": "b7c1d2e3-f4a5-4b6c-8d9e-0f1a2b3c4d5e"},
                                    "hash":
                                      "3b1f0e6c2d9a4f7e8b5c1a0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f"}],
                         "nextCursor": "cDEwNDI"}""",
                AggregateStateAsOf.class, """
                        {"aggregateType": "engagement", "aggregateId": "3f6b1c9e-2d4a-4b8f-9c0e-7a5d1e2f3b4c",
                         "asOf": "2035-02-28T23:59:59Z", "version": 3,
                         "state": {"engagementId": "3f6b1c9e-2d4a-4b8f-9c0e-7a5d1e2f3b4c", "status": "ACTIVE",
                                   "currency": "EUR", "proposedOn": "2035-01-14", "billingModel": "MONTHLY"}}""",
                AuditAccessPage.class, """
                        {"items": [{"id": 17, "at": "2035-03-05T10:16:02.481Z", "actor": "olga",
                                    "roles": "AUDITOR", "endpoint": "GET /api/audit/events",
                                    "filter": "clientId=acme&from=2035-01-01T00:00:00Z", "status": 200}],
                         "nextCursor": "17"}""",
                VerificationReport.class, """
                        {"ok": false, "eventsChecked": 1041, "checkpointsChecked": 1, "lastPosition": 1041,
                         "firstBadPosition": 1042,
                         "problem":
                           "the event at position 1042 (5f0c2a1e) is not the one the chain linked: it was altered"}""",
                CheckpointPage.class, """
                        {"items": [{"position": 1000, "events": 1000,
                                    "chainHash":
                                      "3b1f0e6c2d9a4f7e8b5c1a0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f",
                                    "signedAt": "2035-03-05T10:15:30.123Z", "keyId": "9c41e0b7d2a35f68",
                                    "signature": "mQh0...base64...Ag=="}],
                         "nextCursor": "1000"}""",
                KeyRotated.class, """
                        {"keyId": "4e2a91c07b5d3f18", "previousKeyId": "9c41e0b7d2a35f68",
                         "publicKey":
                           "-----BEGIN PUBLIC KEY-----\\nMCowBQYDK2VwAyEA...\\n-----END PUBLIC KEY-----\\n"}""");
    }
}
