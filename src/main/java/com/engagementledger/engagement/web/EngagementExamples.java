package com.engagementledger.engagement.web;

import com.engagementledger.engagement.api.EngagementSummary;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.platform.web.ApiExamples;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example bodies of the engagement requests and views, shown in the OpenAPI document and Swagger UI.
 */
@Component
class EngagementExamples implements ApiExamples {

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
                Map.entry(WithdrawPauseRequest.class, """
                        {"reason": "The client's holiday was cancelled"}"""),
                Map.entry(WithdrawResumeRequest.class, """
                        {"reason": "The professional's return date is not confirmed yet"}"""),
                Map.entry(WithdrawNoticeRequest.class, """
                        {"reason": "The notice was entered with the wrong last day"}"""),
                Map.entry(WithdrawSeatReleaseRequest.class, """
                        {"reason": "The client extended the professional's assignment"}"""),
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
                        {"newRate": 9900.00, "effectiveDate": "2035-05-01", "reason": "Annual review"}"""),
                Map.entry(EngagementSummary.class, """
                        {"engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "version": 2, "clientId": "acme",
                         "clientName": "Acme Corporation", "roleTitle": "Senior Java Engineer", "currency": "EUR",
                         "billingModel": "MONTHLY", "status": "ACTIVE", "seatsHeldToday": 1,
                         "proposedOn": "2035-03-05"}"""),
                Map.entry(EngagementView.class, """
                        {"engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "version": 2, "clientId": "acme",
                         "clientName": "Acme Corporation", "roleTitle": "Senior Java Engineer", "currency": "EUR",
                         "billingModel": "MONTHLY", "status": "ACTIVE",
                         "terms": {"timeZone": "UTC", "billingCycle": "MONTHLY", "paymentTermsDays": 30,
                                   "noticePeriodDays": 30, "trialDays": 14, "guaranteeWindowDays": 90,
                                   "freeReplacementsPerSeat": 2, "replacementSlaBusinessDays": 5,
                                   "overlapBusinessDays": 5, "rateChangeNoticeDays": 30, "ipTrigger": "ON_PAYMENT"},
                         "seats": [{"seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e", "professionalId": "pro-anna",
                                    "professionalName": "Anna Kowalski", "startDate": "2035-03-05",
                                    "firstBilledDay": "2035-03-05", "heldToday": true, "currentRate": 9800.00, "scheduledRates": [],
                                    "rateHistory": [{"effectiveDate": "2035-03-05", "rate": 9800.00}],
                                    "holders": [{"professionalId": "pro-anna", "professionalName": "Anna Kowalski",
                                                 "from": "2035-03-05"}],
                                    "overlaps": []}],
                         "dates": {"proposedOn": "2035-03-05", "trialStart": "2035-03-05",
                                   "trialLastDay": "2035-03-18", "trialDecidedOn": "2035-03-10",
                                   "activeFrom": "2035-03-05"},
                         "asOfDate": "2035-03-10", "ipExclusions": ["Acme's pre-existing billing engine"],
                         "lastChangedAt": "2035-03-10T09:00:00Z"}"""));
    }
}
