package com.engagementledger.audit.web;

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
