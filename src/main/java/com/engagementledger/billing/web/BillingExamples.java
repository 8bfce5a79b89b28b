package com.engagementledger.billing.web;

import com.engagementledger.billing.api.AgingView;
import com.engagementledger.billing.api.ReconciliationView;
import com.engagementledger.billing.api.RevenueView;
import com.engagementledger.billing.api.UnbilledView;
import com.engagementledger.platform.web.ApiExamples;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example answers of the billing views, shown in the OpenAPI document and Swagger UI: amounts with their currency's
 * minor digits (JPY 0, EUR 2, KWD 3).
 */
@Component
class BillingExamples implements ApiExamples {

    @Override
    public Map<Class<?>, String> examples() {
        return Map.of(AgingView.class, """
                {"asOf": "2026-03-31",
                 "rows": [{"clientId": "acme", "clientName": "Acme GmbH", "currency": "EUR", "current": 11177.42,
                           "days1to30": 0.00, "days31to60": 4500.00, "days61to90": 0.00, "over90": 0.00,
                           "total": 15677.42},
                          {"clientId": "kaito", "clientName": "Kaito KK", "currency": "JPY", "current": 0,
                           "days1to30": 677419, "days31to60": 0, "days61to90": 0, "over90": 0, "total": 677419}]}""",
                UnbilledView.class, """
                {"asOf": "2026-03-18",
                 "rows": [{"engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "clientId": "gulf",
                           "currency": "KWD", "period": "2026-03", "from": "2026-03-01", "to": "2026-03-18",
                           "amount": 2032.258}],
                 "page": 0, "size": 50, "totalEngagements": 1, "totalPages": 1}""",
                ReconciliationView.class, """
                {"rows": [{"engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "period": "2026-02",
                           "currency": "EUR", "expected": 11177.42, "invoiced": 11177.42, "paid": 5000.00,
                           "credited": 177.42, "outstanding": 6000.00, "difference": 0.00, "flagged": false},
                          {"engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "period": "2026-03",
                           "currency": "EUR", "expected": 9800.00, "invoiced": 0.00, "paid": 0.00,
                           "credited": 0.00, "outstanding": 0.00, "difference": 9800.00, "flagged": true,
                           "flagReason": "NOT_INVOICED"}],
                 "page": 0, "size": 2, "totalEngagements": 1, "totalPages": 1}""",
                RevenueView.class, """
                {"from": "2026-02", "to": "2026-03",
                 "rows": [{"month": "2026-02", "currency": "EUR", "invoiced": 11177.42, "collected": 0.00,
                           "credited": 0.00},
                          {"month": "2026-03", "currency": "EUR", "invoiced": 9800.00, "collected": 5000.00,
                           "credited": 177.42}]}""");
    }
}
