package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of an invoice (DESIGN.md §5). {@code amount} is rounded once, {@code HALF_UP}, to the currency's minor
 * unit; {@code quantity} × {@code unitPrice} is the amount only for hours and credits: a seat fee's quantity is its
 * billed days and its unit price the monthly rate, the amount their share of the month.
 *
 * @param from the first day the line bills (for a credit, the day it was granted)
 * @param to   the last day the line bills, included; days in between may be missing (a pause)
 */
public record InvoiceLine(InvoiceLineKind kind, String seatId, String professionalName, String description,
                          LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount) {
}
