package com.engagementledger.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as an invoice prints them and the console shows them: grouped thousands and exactly the currency's minor
 * digits (JPY 677,419, EUR 11,177.42, KWD 2,032.258), formatted from the BigDecimal itself, never through a binary
 * fraction. The invoice PDF and the console's finance pages share it.
 */
public final class Amounts {

    /** The formatting as an object, for page templates (which call methods on model attributes, not statics). */
    public static final Amounts TEXT = new Amounts();

    private Amounts() {
    }

    /** {@link #format}, for templates: {@code ${amounts.of(invoice.total, invoice.currency)}}. */
    public String of(BigDecimal amount, String currencyCode) {
        return format(amount, currencyCode);
    }

    public static String format(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        int digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        // amounts are in the minor unit already; a longer scale (a quantity, say) is shown as HALF_UP would bill it
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount.setScale(digits, RoundingMode.HALF_UP));
    }

    /** A quantity (days, hours) without trailing zeros: 22, 37.75. */
    public static String quantity(BigDecimal quantity) {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }
}
