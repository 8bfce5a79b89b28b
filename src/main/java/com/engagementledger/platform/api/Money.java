package com.engagementledger.platform.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * The money rules every feature shares: ISO 4217 currencies with a minor unit, amounts in that minor unit, never a
 * floating-point value.
 */
public final class Money {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /** The currency of an ISO 4217 code, if it is one that money can be counted in (it has a minor unit). */
    public static Currency currency(String field, String code) {
        if (code == null || !ISO_4217.matcher(code).matches()) {
            throw RuleViolation.invalid(field, "currency", "'" + code + "' is not an ISO 4217 currency code");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw RuleViolation.invalid(field, "currency", "'" + code + "' is not an ISO 4217 currency code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw RuleViolation.invalid(field, "currency", code + " has no minor unit and cannot price work");
        }
        return currency;
    }

    /**
     * A positive amount expressed in the currency's minor unit: 1500 EUR becomes 1500.00, 12.345 EUR is refused
     * rather than silently rounded.
     */
    public static BigDecimal positiveAmount(String field, BigDecimal amount, Currency currency) {
        if (amount == null) {
            throw RuleViolation.invalid(field, "required", "is required");
        }
        if (amount.signum() <= 0) {
            throw RuleViolation.invalid(field, "positive", "must be greater than zero, was " + amount.toPlainString());
        }
        int minorUnit = currency.getDefaultFractionDigits();
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > minorUnit) {
            throw RuleViolation.invalid(field, "minor-unit", amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + minorUnit + ")");
        }
        if (stripped.precision() - stripped.scale() > 12) {
            throw RuleViolation.invalid(field, "maximum", amount.toPlainString() + " is implausibly large");
        }
        return amount.setScale(minorUnit);
    }
}
