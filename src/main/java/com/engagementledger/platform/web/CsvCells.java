package com.engagementledger.platform.web;

/**
 * Text cells of CSV downloads that a spreadsheet would not run as a formula (OWASP's CSV injection advice).
 */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
     * apostrophe.
     */
    public static String neutralized(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
