package com.engagementledger.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of one currency, always in that currency's minor unit (EUR 12.30, JPY 677419, KWD 2032.258), never a
 * floating-point value; and the money rules every feature shares for input (the static helpers). Amounts of
 * different currencies are never added: that is a programming error, not a rounding question.
 */
public record Money(Currency currency, BigDecimal amount) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    /**
     * @throws IllegalArgumentException when the amount has more decimals than the currency's minor unit (rounding
     *                                  belongs where a rule says so, e.g. {@link #prorate}, never in a constructor)
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit");
        }
        try {
            amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException tooPrecise) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(Currency.getInstance(currencyCode), new BigDecimal(amount));
    }

    public static Money zero(Currency currency) {
        return new Money(currency, BigDecimal.ZERO);
    }

    public Money plus(Money other) {
        return new Money(currency, amount.add(sameCurrency(other).amount));
    }

    public Money minus(Money other) {
        return new Money(currency, amount.subtract(sameCurrency(other).amount));
    }

    public Money negate() {
        return new Money(currency, amount.negate());
    }

    /**
     * This amount × {@code part} ÷ {@code whole}, computed exactly and rounded once, {@code HALF_UP}, to the minor
     * unit: a monthly fee for the days billed out of the days in the month.
     */
    public Money prorate(long part, long whole) {
        if (whole <= 0 || part < 0) {
            throw new IllegalArgumentException("cannot prorate " + part + " of " + whole);
        }
        return new Money(currency, amount.multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), currency.getDefaultFractionDigits(), RoundingMode.HALF_UP));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency.getCurrencyCode() + " and "
                    + other.currency.getCurrencyCode());
        }
        return other;
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
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
            throw RuleViolation.invalid(field, "required", field + ": must not be null");
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
