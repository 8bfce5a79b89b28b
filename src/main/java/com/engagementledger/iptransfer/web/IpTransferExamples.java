package com.engagementledger.iptransfer.web;

import com.engagementledger.iptransfer.api.IpCertificateView;
import com.engagementledger.iptransfer.api.IpLedgerView;
import com.engagementledger.iptransfer.api.IpTransferView;
import com.engagementledger.platform.web.ApiExamples;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example bodies of the IP transfer requests and views, shown in the OpenAPI document and Swagger UI.
 */
@Component
class IpTransferExamples implements ApiExamples {

    /** A transfer 40 % paid for; a constant, since the read's answer names it in an annotation too. */
    static final String TRANSFER = """
            {"ipTransferId": "ipt-9d3c1b7e-2a4f-4e8b-9c6d-1f0e2a3b4c5d",
             "invoiceId": "9d3c1b7e-2a4f-4e8b-9c6d-1f0e2a3b4c5d", "invoiceNumber": "INV-2035-000042",
             "engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "clientId": "acme",
             "clientName": "Acme Manufacturing", "period": "2035-03", "status": "PARTIALLY_ASSIGNED",
             "trigger": "ON_PAYMENT", "currency": "EUR", "issueDate": "2035-04-01", "total": 9000.00,
             "paidShare": 0.4, "amountDue": 9000.00, "amountPaid": 3600.00, "remaining": 5400.00,
             "exclusions": ["Acme's own design system (pre-existing)"], "version": 1}""";

    /** A contested transfer's certificate, unchanged since its assignment, with the contest beside it. */
    static final String CERTIFICATE = """
            {"certificate": {"schema": "engagement-ledger/ip-assignment-certificate/1",
              "ipTransferId": "ipt-9d3c1b7e-2a4f-4e8b-9c6d-1f0e2a3b4c5d", "clientId": "acme",
              "clientName": "Acme Manufacturing", "engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40",
              "period": "2035-03", "invoiceId": "9d3c1b7e-2a4f-4e8b-9c6d-1f0e2a3b4c5d",
              "invoiceNumber": "INV-2035-000042", "issueDate": "2035-04-01", "currency": "EUR",
              "invoiceTotal": "9000.00", "amountDue": "9000.00", "amountPaid": "9000.00", "trigger": "ON_PAYMENT",
              "assignedAt": "2035-04-20T10:15:00Z", "exclusions": ["Acme's own design system (pre-existing)"],
              "events": [{"eventId": "0b5e4a7c-0f43-4d55-9a55-0d1f1b4c8a01", "eventType": "InvoiceIssued",
                          "sequence": 2, "globalPosition": 1041},
                         {"eventId": "1c6f5b8d-1a54-4e66-8b66-1e2a2c5d9b12", "eventType": "PaymentRecorded",
                          "sequence": 3, "globalPosition": 1107},
                         {"eventId": "2d7a6c9e-2b65-4f77-9c77-2f3b3d6eac23", "eventType": "PaymentRecorded",
                          "sequence": 4, "globalPosition": 1290}]},
             "sha256": "b3e6f1c0d52a8e4f7a9b1c3d5e7f90a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3",
             "status": "CONTESTED",
             "contest": {"open": true, "kind": "CHARGEBACK", "movementId": "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e",
                         "shortfall": 5400.00, "contestedAt": "2035-05-02T08:30:00Z"}}""";

    @Override
    public Map<Class<?>, String> examples() {
        return Map.ofEntries(
                Map.entry(ExclusionsRequest.class, """
                        {"exclusions": ["Acme's own design system (pre-existing)", "Open-source libraries"],
                         "reason": "Agreed in the master services agreement, clause 9.2"}"""),
                Map.entry(ReleaseRequest.class, """
                        {"reason": "The chargeback is a bank error; the client confirmed payment in writing"}"""),
                Map.entry(IpTransferView.class, TRANSFER),
                Map.entry(IpCertificateView.class, CERTIFICATE),
                Map.entry(IpLedgerView.class, """
                        {"clientId": "acme", "rows": [{"clientId": "acme", "clientName": "Acme Manufacturing",
                          "engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40", "currency": "EUR",
                          "assigned": ["2035-01", "2035-02"], "partiallyAssigned": ["2035-03"], "pending": [],
                          "suspended": [], "contested": [], "voided": [], "remaining": 5400.00,
                          "contestedShortfall": 0.00}],
                         "totals": [{"currency": "EUR", "transfers": 3, "remaining": 5400.00,
                         "contestedShortfall": 0.00}]}"""));
    }
}
