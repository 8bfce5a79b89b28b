package com.engagementledger.engagement.web;

import com.engagementledger.platform.web.RequestExamples;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example bodies of the engagement requests, shown in the OpenAPI document and Swagger UI.
 */
@Component
class EngagementExamples implements RequestExamples {

    @Override
    public Map<Class<?>, String> examples() {
        return Map.ofEntries(
                Map.entry(ProposeEngagementRequest.class, """
                        {"clientId": "acme", "clientName": "Acme Corporation", "roleTitle": "Senior Java Engineer",
                         "currency": "EUR", "billingModel": "MONTHLY",
                         "seats": [{"professionalId": "pro-anna", "professionalName": "Anna Kowalski",
                                    "rate": 9800.00, "startDate": "2035-03-05"}],
                         "terms": {"trialDays": 14, "noticePeriodDays": 30}}"""),
                Map.entry(StartTrialRequest.class, """
                        {"startDate": "2035-03-05"}"""),
                Map.entry(ReasonRequest.class, """
                        {"reason": "The client chose another candidate"}"""),
                Map.entry(ActivateRequest.class, """
                        {"activationDate": "2035-03-05"}"""),
                Map.entry(PauseRequest.class, """
                        {"pauseDate": "2035-06-01"}"""),
                Map.entry(ResumeRequest.class, """
                        {"resumeDate": "2035-07-01"}"""),
                Map.entry(NoticeRequest.class, """
                        {"lastDay": "2035-09-30", "forCause": false}"""),
                Map.entry(SeatRequest.class, """
                        {"professionalId": "pro-ben", "professionalName": "Ben Okafor", "rate": 9500.00,
                         "startDate": "2035-04-01"}"""),
                Map.entry(ReleaseSeatRequest.class, """
                        {"releaseDate": "2035-08-01"}"""),
                Map.entry(RateChangeRequest.class, """
                        {"newRate": 9900.00, "effectiveDate": "2035-05-01", "reason": "Annual review"}"""));
    }
}
