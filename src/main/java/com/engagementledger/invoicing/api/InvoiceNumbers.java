package com.engagementledger.invoicing.api;

/** The invoice numbers of DESIGN.md §3: {@code INV-YYYY-NNNNNN}, gapless within the year of issue. */
public final class InvoiceNumbers {

    private InvoiceNumbers() {
    }

    /** The id of the numbering aggregate of a year. */
    public static String idOf(int year) {
        return "invoice-numbers-" + year;
    }

    public static String format(int year, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("invoice sequence out of range: " + sequence);
        }
        return String.format("INV-%04d-%06d", year, sequence);
    }
}
