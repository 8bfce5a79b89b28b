package com.engagementledger.invoicing.api;

/**
 * What a line of an invoice bills (DESIGN.md §3, Line rules).
 */
public enum InvoiceLineKind {
    /** A monthly seat fee for the days one professional held one seat at one rate, prorated by calendar days. */
    SEAT_FEE,
    /** Approved hours of one seat, professional and rate. */
    HOURS,
    /** The days of a rejected (or not yet decided) trial: shown, at 0. */
    TRIAL,
    /** The zero-rated overlap days of a free replacement's incoming professional: shown, at 0. */
    OVERLAP,
    /** A service credit for a missed replacement SLA: negative. */
    SERVICE_CREDIT
}
