package com.engagementledger.invoicing.web;

import com.engagementledger.invoicing.api.InvoiceView;
import com.engagementledger.platform.web.ApiExamples;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example bodies of the invoice requests and views, shown in the OpenAPI document and Swagger UI.
 */
@Component
class InvoiceExamples implements ApiExamples {

    /** An issued, partly paid EUR invoice; a constant, since the read's answer names it in an annotation too. */
    static final String INVOICE = """
            {"invoiceId": "9d3c1b7e-2a4f-4e8b-9c6d-1f0e2a3b4c5d", "number": "INV-2035-000042",
             "engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "clientId": "acme",
             "clientName": "Acme Manufacturing", "period": "2035-03", "status": "PARTIALLY_PAID",
             "overdue": false, "currency": "EUR", "timeZone": "Europe/Berlin", "issueDate": "2035-04-01",
             "dueDate": "2035-05-01", "computedOn": "2035-04-01",
             "lines": [{"kind": "SEAT_FEE", "seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e",
                        "professionalName": "Anna Kowalski", "description": "Backend Engineer, 9800.00 a month",
                        "from": "2035-03-05", "to": "2035-03-31", "quantity": 27, "unitPrice": 9800.00,
                        "amount": 8535.48},
                       {"kind": "SERVICE_CREDIT", "seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e",
                        "description": "Replacement SLA missed by 2 business days",
                        "from": "2035-03-22", "to": "2035-03-22", "quantity": 2, "unitPrice": -452.31,
                        "amount": -904.62}],
             "total": 7630.86, "paid": 5000.00, "refunded": 0.00, "chargedBack": 0.00, "credited": 130.86,
             "balance": 2500.00,
             "movements": [{"kind": "PAYMENT", "id": "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e", "amount": 5000.00,
                            "currency": "EUR", "date": "2035-04-15", "reference": "SEPA 2035-04-15 ACME",
                            "balance": 2630.86},
                           {"kind": "CREDIT_NOTE", "id": "6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f", "amount": 130.86,
                            "currency": "EUR", "date": "2035-04-20",
                            "reason": "Goodwill: onboarding delay", "balance": 2500.00}],
             "disputed": false,
             "asOfDate": "2035-04-21", "version": 4}""";

    @Override
    public Map<Class<?>, String> examples() {
        return Map.ofEntries(
                Map.entry(DraftInvoiceRequest.class, """
                        {"engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "period": "2035-03"}"""),
                Map.entry(InvoiceReasonRequest.class, """
                        {"reason": "Drafted for the wrong period"}"""),
                Map.entry(PaymentRequest.class, """
                        {"amount": 5000.00, "currency": "EUR", "date": "2035-04-15",
                         "reference": "SEPA 2035-04-15 ACME"}"""),
                Map.entry(RefundRequest.class, """
                        {"amount": 250.00, "currency": "EUR", "date": "2035-04-18",
                         "reason": "Paid twice for the same week"}"""),
                Map.entry(ChargebackRequest.class, """
                        {"amount": 5000.00, "currency": "EUR", "date": "2035-04-25",
                         "reason": "Card issuer chargeback 4837"}"""),
                Map.entry(CreditNoteRequest.class, """
                        {"amount": 130.86, "currency": "EUR", "date": "2035-04-20",
                         "reason": "Goodwill: onboarding delay"}"""),
                Map.entry(InvoiceView.class, INVOICE));
    }
}
