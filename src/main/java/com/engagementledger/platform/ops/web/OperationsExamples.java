package com.engagementledger.platform.ops.web;

import com.engagementledger.platform.ops.api.DeadLetterList;
import com.engagementledger.platform.ops.api.DeadLetterRetry;
import com.engagementledger.platform.ops.api.ProjectionList;
import com.engagementledger.platform.ops.api.ProjectionView;
import com.engagementledger.platform.web.ApiExamples;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example answers of the operations endpoints, for the OpenAPI document: a read model replaying, a process at the
 * head, a parked event and a retry.
 */
@Component
class OperationsExamples implements ApiExamples {

    private static final String REPLAYING = """
            {"name": "engagements", "kind": "READ_MODEL", "status": "REPLAYING", "position": 5120,
             "headPosition": 12044, "lag": 6924, "segments": 1,
             "replay": {"progress": 0.43, "eta": "PT12S", "startedAt": "2026-03-05T09:00:00Z",
                        "targetPosition": 12040},
             "deadLetters": 0}""";

    @Override
    public Map<Class<?>, String> examples() {
        return Map.of(ProjectionList.class, """
                {"items": [%s,
                  {"name": "invoice-issuing", "kind": "PROCESS", "status": "RUNNING", "position": 12044,
                   "headPosition": 12044, "lag": 0, "segments": 1, "deadLetters": 0}]}""".formatted(REPLAYING),
                ProjectionView.class, REPLAYING,
                DeadLetterList.class, """
                {"items": [{"processingGroup": "engagements",
                            "sequenceIdentifier": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40",
                            "eventType": "com.engagementledger.engagement.api.EngagementPaused",
                            "aggregateType": "Engagement", "aggregateId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40",
                            "sequenceNumber": 4, "globalPosition": 9120,
                            "causeType": "java.lang.IllegalStateException",
                            "causeMessage": "no engagement to pause",
                            "enqueuedAt": "2026-03-05T09:00:00Z", "lastTouched": "2026-03-05T09:10:00Z",
                            "retries": 1}],
                 "totalItems": 1}""",
                DeadLetterRetry.class, """
                {"processingGroup": "engagements", "processed": 1, "failed": 0, "remaining": 0}""");
    }
}
