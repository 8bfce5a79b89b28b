package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as of {@code asOfDate} (today in its engagement's time zone), DESIGN.md §5: amounts in its currency's
 * minor unit, {@code balance = total − paid + refunded + chargedBack − credited}.
 *
 * @param number     {@code INV-YYYY-NNNNNN}; null while a draft
 * @param period     the calendar month billed, {@code YYYY-MM}
 * @param overdue    issued or partially paid, a balance left, and today after the due date; derived, never stored
 * @param computedOn the day the lines were last computed (a draft is regenerated until issued)
 * @param movements  payments, refunds, chargebacks and credit notes in the order recorded
 * @param dispute    the last dispute (open or resolved), or null when there was none
 * @param disputed   whether a dispute is open
 * @param voidedOn   the day it was voided, with {@code voidReason}; null unless {@code VOID}
 * @param version    the sequence number of the invoice's last event; the {@code ETag} of the resource
 */
public record InvoiceView(String invoiceId, String number, String engagementId, String clientId, String clientName,
                          String period, InvoiceStatus status, boolean overdue, String currency, String timeZone,
                          LocalDate issueDate, LocalDate dueDate, LocalDate computedOn, List<InvoiceLine> lines,
                          BigDecimal total, BigDecimal paid, BigDecimal refunded, BigDecimal chargedBack,
                          BigDecimal credited, BigDecimal balance, List<InvoiceMovement> movements,
                          InvoiceDispute dispute, boolean disputed, LocalDate voidedOn, String voidReason,
                          LocalDate asOfDate, long version) {

    public InvoiceView {
        lines = List.copyOf(lines);
        movements = List.copyOf(movements);
    }
}
