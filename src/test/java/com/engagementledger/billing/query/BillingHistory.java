package com.engagementledger.billing.query;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.invoicing.api.ChargebackRecorded;
import com.engagementledger.invoicing.api.CreditNoteIssued;
import com.engagementledger.invoicing.api.InvoiceBalance;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.invoicing.api.InvoiceVoided;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.invoicing.api.RefundRecorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes invoice and engagement histories into the billing projections as their aggregates would record them: each
 * invoice's events with its own sequence numbers and the balance after each movement.
 */
final class BillingHistory {

    private final BilledInvoicesProjection invoices;
    private final BillingEngagementsProjection engagements;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, InvoiceBalance> balances = new HashMap<>();
    private final Map<String, String> currencies = new HashMap<>();
    private int ids;

    BillingHistory(BilledInvoicesProjection invoices, BillingEngagementsProjection engagements) {
        this.invoices = invoices;
        this.engagements = engagements;
    }

    void engagement(String engagementId, String clientId, String currency) {
        engagements.on(new EngagementProposed(engagementId, clientId, "Client " + clientId, "Engineer", currency,
                BillingModel.MONTHLY, List.of(new NewSeat("s1", "p1", "Anna", new BigDecimal("1000"),
                LocalDate.of(2026, 1, 1))), new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 0, 90, 2, 5,
                5, 30, IpTrigger.ON_PAYMENT), LocalDate.of(2025, 12, 1)), 0);
    }

    /** A draft never issued. */
    String draft(String engagementId, String clientId, String clientName, String currency, String period,
                 String total) {
        String invoiceId = "inv-" + (++ids);
        invoices.on(new InvoiceDrafted(invoiceId, engagementId, clientId, clientName, currency, period, "UTC", 30,
                IpTrigger.ON_PAYMENT, List.of(), new BigDecimal(total), LocalDate.parse(period + "-28")),
                next(invoiceId));
        return invoiceId;
    }

    String issued(String engagementId, String clientId, String clientName, String currency, String period,
                  String total, String issueDate, String dueDate) {
        return issued(engagementId, clientId, clientName, currency, period, total, null, issueDate, dueDate);
    }

    /** Drafted and issued, with a service credit line of {@code serviceCredit} (negative) when given. */
    String issued(String engagementId, String clientId, String clientName, String currency, String period,
                  String total, String serviceCredit, String issueDate, String dueDate) {
        String invoiceId = draft(engagementId, clientId, clientName, currency, period, total);
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal amount = new BigDecimal(total);
        if (serviceCredit != null) {
            BigDecimal credit = new BigDecimal(serviceCredit);
            lines.add(new InvoiceLine(InvoiceLineKind.SERVICE_CREDIT, "s1", null, "Service credit", null, null,
                    BigDecimal.ONE, credit, credit));
            amount = amount.subtract(credit);
        }
        lines.add(0, new InvoiceLine(InvoiceLineKind.SEAT_FEE, "s1", "Anna", "Seat fee", null, null, BigDecimal.ONE,
                amount, amount));
        return issue(invoiceId, engagementId, clientId, currency, period, total, lines, issueDate, dueDate);
    }

    /** Drafted and issued with {@code lines}, totalling {@code total}. */
    String issuedWith(String engagementId, String clientId, String clientName, String currency, String period,
                      String total, List<InvoiceLine> lines, String issueDate, String dueDate) {
        String invoiceId = draft(engagementId, clientId, clientName, currency, period, total);
        return issue(invoiceId, engagementId, clientId, currency, period, total, lines, issueDate, dueDate);
    }

    private String issue(String invoiceId, String engagementId, String clientId, String currency, String period,
                         String total, List<InvoiceLine> lines, String issueDate, String dueDate) {
        InvoiceBalance after = InvoiceBalance.issued(new BigDecimal(total));
        balances.put(invoiceId, after);
        currencies.put(invoiceId, currency);
        invoices.on(new InvoiceIssued(invoiceId, engagementId, clientId, period, "INV-2026-" + ids,
                LocalDate.parse(issueDate), LocalDate.parse(dueDate), currency, lines, new BigDecimal(total),
                IpTrigger.ON_PAYMENT, after), next(invoiceId));
        return invoiceId;
    }

    void payment(String invoiceId, String amount, String date) {
        InvoiceBalance after = balances.merge(invoiceId, balances.get(invoiceId),
                (was, same) -> was.afterPayment(new BigDecimal(amount)));
        invoices.on(new PaymentRecorded(invoiceId, "pay-" + (++ids), new BigDecimal(amount), currencies.get(invoiceId),
                LocalDate.parse(date), "ref", after), next(invoiceId));
    }

    void refund(String invoiceId, String amount, String date) {
        InvoiceBalance after = balances.merge(invoiceId, balances.get(invoiceId),
                (was, same) -> was.afterRefund(new BigDecimal(amount)));
        invoices.on(new RefundRecorded(invoiceId, "ref-" + (++ids), new BigDecimal(amount), currencies.get(invoiceId),
                LocalDate.parse(date), "returned", after), next(invoiceId));
    }

    void chargeback(String invoiceId, String amount, String date) {
        InvoiceBalance after = balances.merge(invoiceId, balances.get(invoiceId),
                (was, same) -> was.afterChargeback(new BigDecimal(amount)));
        invoices.on(new ChargebackRecorded(invoiceId, "cb-" + (++ids), new BigDecimal(amount), currencies.get(invoiceId),
                LocalDate.parse(date), "bank", after), next(invoiceId));
    }

    void creditNote(String invoiceId, String amount, String date) {
        InvoiceBalance after = balances.merge(invoiceId, balances.get(invoiceId),
                (was, same) -> was.afterCredit(new BigDecimal(amount)));
        invoices.on(new CreditNoteIssued(invoiceId, "cn-" + (++ids), new BigDecimal(amount), currencies.get(invoiceId),
                LocalDate.parse(date), "goodwill", after), next(invoiceId));
    }

    void voided(String invoiceId, String date) {
        invoices.on(new InvoiceVoided(invoiceId, "e", "p", true, LocalDate.parse(date), "wrong client"),
                next(invoiceId));
    }

    /** Delivers an invoice's last event again, as a redelivery after a crash would. */
    long lastSequence(String invoiceId) {
        return sequences.get(invoiceId);
    }

    private long next(String invoiceId) {
        return sequences.merge(invoiceId, 0L, (was, zero) -> was + 1);
    }
}
