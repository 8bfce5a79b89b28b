package com.engagementledger.guarantee.web;

import com.engagementledger.guarantee.api.GuaranteesView;
import com.engagementledger.platform.web.ApiExamples;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example answer of the guarantees view, shown in the OpenAPI document and Swagger UI.
 */
@Component
class GuaranteeExamples implements ApiExamples {

    @Override
    public Map<Class<?>, String> examples() {
        return Map.of(GuaranteesView.class, """
                {"engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "currency": "EUR",
                 "seats": [{"seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e", "professionalId": "pro-anna",
                            "professionalName": "Anna Kowalski", "seatStart": "2035-03-05",
                            "guaranteeEndsOn": "2035-06-02", "freeReplacementsUsed": 1, "freeReplacementsLeft": 1,
                            "openReplacement": {"replacementId": "5c2f8e1a-7b3d-4f6e-9a1c-2d4b6f8e0a13",
                                                "status": "OVERLAP", "slaDueDate": "2035-03-21",
                                                "businessDaysLate": 2}}],
                 "breaches": [{"replacementId": "5c2f8e1a-7b3d-4f6e-9a1c-2d4b6f8e0a13",
                               "seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e", "businessDaysLate": 2,
                               "creditAmount": 904.62, "creditFixed": true}],
                 "creditsOwed": 904.62, "asOfDate": "2035-03-27"}""");
    }
}
