package com.engagementledger.replacement.web;

import com.engagementledger.platform.web.ApiExamples;
import com.engagementledger.replacement.api.ReplacementView;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example bodies of the replacement requests and views, shown in the OpenAPI document and Swagger UI.
 */
@Component
class ReplacementExamples implements ApiExamples {

    @Override
    public Map<Class<?>, String> examples() {
        return Map.ofEntries(
                Map.entry(RequestReplacementRequest.class, """
                        {"seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e", "reason": "NON_PERFORMANCE",
                         "note": "Misses sprint commitments; the client asks for a stronger backend profile"}"""),
                Map.entry(ProposeCandidateRequest.class, """
                        {"professionalId": "pro-carla", "professionalName": "Carla Mendes"}"""),
                Map.entry(AcceptCandidateRequest.class, """
                        {"startDate": "2035-03-26"}"""),
                Map.entry(RejectCandidateRequest.class, """
                        {"reason": "No production experience with Kafka"}"""),
                Map.entry(WithdrawReplacementRequest.class, """
                        {"reason": "The client decided to keep the professional"}"""),
                Map.entry(ReplacementView.class, """
                        {"replacementId": "5c2f8e1a-7b3d-4f6e-9a1c-2d4b6f8e0a13",
                         "engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40",
                         "seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e", "reason": "NON_PERFORMANCE",
                         "note": "Misses sprint commitments", "status": "OVERLAP", "eligibility": "FREE",
                         "eligibilityReason": "requested on day 10 of the seat's 90-day guarantee window (until 2035-06-02), with 2 of 2 free replacements left",
                         "requestedOn": "2035-03-14", "slaDueDate": "2035-03-21",
                         "candidates": [{"candidateId": "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",
                                         "professionalId": "pro-dev", "professionalName": "Dev Patel",
                                         "status": "REJECTED", "rejectionReason": "No production experience with Kafka"},
                                        {"candidateId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                                         "professionalId": "pro-carla", "professionalName": "Carla Mendes",
                                         "status": "ACCEPTED"}],
                         "outgoingProfessionalId": "pro-anna", "outgoingProfessionalName": "Anna Kowalski",
                         "overlapFrom": "2035-03-26", "overlapTo": "2035-03-30", "asOfDate": "2035-03-27",
                         "breach": {"businessDaysLate": 2, "creditAmount": 904.62, "currency": "EUR",
                                    "fixed": true, "recordedOn": "2035-03-22"},
                         "version": 6}"""));
    }
}
