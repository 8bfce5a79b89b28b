package com.engagementledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Currency;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void isoCurrencyWithAMinorUnitIsAccepted() {
        assertThat(Money.currency("currency", "EUR")).isEqualTo(EUR);
        assertThat(Money.currency("currency", "JPY")).isEqualTo(JPY);
    }

    @Test
    void unknownCurrencyIsRefused() {
        RuleViolation refusal = refused(() -> Money.currency("currency", "ABC"));

        assertRefusal(refusal, "currency", "currency");
        assertThat(refusal).hasMessage("'ABC' is not an ISO 4217 currency code");
    }

    @Test
    void lowercaseCurrencyCodeIsRefused() {
        RuleViolation refusal = refused(() -> Money.currency("currency", "eur"));

        assertRefusal(refusal, "currency", "currency");
        assertThat(refusal).hasMessage("'eur' is not an ISO 4217 currency code");
    }

    @Test
    void codeOfTheWrongLengthIsRefused() {
        RuleViolation refusal = refused(() -> Money.currency("currency", "EURO"));

        assertRefusal(refusal, "currency", "currency");
    }

    @Test
    void missingCurrencyIsRefused() {
        RuleViolation refusal = refused(() -> Money.currency("terms.currency", null));

        assertRefusal(refusal, "currency", "terms.currency");
    }

    @Test
    void currencyWithoutAMinorUnitIsRefused() {
        RuleViolation refusal = refused(() -> Money.currency("currency", "XXX"));

        assertRefusal(refusal, "currency", "currency");
        assertThat(refusal).hasMessage("XXX has no minor unit and cannot price work");
    }

    @Test
    void preciousMetalWithoutAMinorUnitIsRefused() {
        RuleViolation refusal = refused(() -> Money.currency("currency", "XAU"));

        assertRefusal(refusal, "currency", "currency");
        assertThat(refusal).hasMessage("XAU has no minor unit and cannot price work");
    }

    @Test
    void wholeAmountIsStatedInTheMinorUnit() {
        BigDecimal amount = Money.positiveAmount("rate", new BigDecimal("1500"), EUR);

        assertThat(amount).isEqualTo(new BigDecimal("1500.00"));
        assertThat(amount.scale()).isEqualTo(2);
    }

    @Test
    void amountWithFewerDecimalsIsPaddedToTheMinorUnit() {
        assertThat(Money.positiveAmount("rate", new BigDecimal("12.5"), EUR)).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void amountWithTrailingZerosBeyondTheMinorUnitIsAccepted() {
        assertThat(Money.positiveAmount("rate", new BigDecimal("12.3400"), EUR)).isEqualTo(new BigDecimal("12.34"));
    }

    @Test
    void amountWithMoreDecimalsThanTheCurrencyAllowsIsRefused() {
        RuleViolation refusal = refused(() -> Money.positiveAmount("rate", new BigDecimal("12.345"), EUR));

        assertRefusal(refusal, "minor-unit", "rate");
        assertThat(refusal).hasMessage("12.345 has more decimals than EUR allows (2)");
    }

    @Test
    void yenAmountHasNoDecimals() {
        BigDecimal amount = Money.positiveAmount("rate", new BigDecimal("1500"), JPY);

        assertThat(amount).isEqualTo(new BigDecimal("1500"));
        assertThat(amount.scale()).isZero();
    }

    @Test
    void yenAmountWithDecimalsIsRefused() {
        RuleViolation refusal = refused(() -> Money.positiveAmount("rate", new BigDecimal("100.5"), JPY));

        assertRefusal(refusal, "minor-unit", "rate");
        assertThat(refusal).hasMessage("100.5 has more decimals than JPY allows (0)");
    }

    @Test
    void yenAmountWrittenWithZeroDecimalsIsAccepted() {
        assertThat(Money.positiveAmount("rate", new BigDecimal("100.00"), JPY)).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void zeroAmountIsRefused() {
        RuleViolation refusal = refused(() -> Money.positiveAmount("rate", new BigDecimal("0.00"), EUR));

        assertRefusal(refusal, "positive", "rate");
        assertThat(refusal).hasMessage("must be greater than zero, was 0.00");
    }

    @Test
    void negativeAmountIsRefused() {
        RuleViolation refusal = refused(() -> Money.positiveAmount("newRate", new BigDecimal("-10"), EUR));

        assertRefusal(refusal, "positive", "newRate");
    }

    @Test
    void missingAmountIsRefused() {
        RuleViolation refusal = refused(() -> Money.positiveAmount("rate", null, EUR));

        assertRefusal(refusal, "required", "rate");
    }

    @Test
    void smallestAmountOfTheMinorUnitIsAccepted() {
        assertThat(Money.positiveAmount("rate", new BigDecimal("0.01"), EUR)).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void amountWithTwelveIntegerDigitsIsAccepted() {
        assertThat(Money.positiveAmount("rate", new BigDecimal("999999999999.99"), EUR))
                .isEqualTo(new BigDecimal("999999999999.99"));
    }

    @Test
    void amountWithThirteenIntegerDigitsIsRefused() {
        RuleViolation refusal = refused(() -> Money.positiveAmount("rate", new BigDecimal("1000000000000"), EUR));

        assertRefusal(refusal, "maximum", "rate");
        assertThat(refusal).hasMessage("1000000000000 is implausibly large");
    }

    // ---------------------------------------------------------------- the value type

    @Test
    void anAmountIsKeptInItsCurrencysMinorUnit() {
        assertThat(new Money(EUR, new BigDecimal("12.3")).amount()).isEqualTo(new BigDecimal("12.30"));
        assertThat(new Money(JPY, new BigDecimal("677419")).amount()).isEqualTo(new BigDecimal("677419"));
        assertThat(Money.of("2032.258", "KWD")).hasToString("KWD 2032.258");
    }

    @Test
    void anAmountFinerThanTheMinorUnitIsNotSilentlyRounded() {
        assertThatThrownBy(() -> new Money(EUR, new BigDecimal("12.345")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("12.345 has more decimals than EUR allows (2)");
    }

    @Test
    void amountsOfOneCurrencyAddAndSubtract() {
        assertThat(Money.of("10.10", "EUR").plus(Money.of("0.95", "EUR"))).isEqualTo(Money.of("11.05", "EUR"));
        assertThat(Money.of("10.10", "EUR").minus(Money.of("10.95", "EUR"))).isEqualTo(Money.of("-0.85", "EUR"));
        assertThat(Money.of("10.10", "EUR").negate()).isEqualTo(Money.of("-10.10", "EUR"));
        assertThat(Money.zero(JPY).plus(Money.of("5", "JPY"))).isEqualTo(Money.of("5", "JPY"));
    }

    @Test
    void amountsOfDifferentCurrenciesNeverMix() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1", "JPY")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot combine EUR and JPY");
    }

    @Test
    void prorationRoundsOnceHalfUpToTheMinorUnit() {
        // DESIGN.md §5's figures: 21 of 31 days
        assertThat(Money.of("16500.00", "EUR").prorate(21, 31)).isEqualTo(Money.of("11177.42", "EUR"));
        assertThat(Money.of("1000000", "JPY").prorate(21, 31)).isEqualTo(Money.of("677419", "JPY"));
        assertThat(Money.of("3000.000", "KWD").prorate(21, 31)).isEqualTo(Money.of("2032.258", "KWD"));
        assertThat(Money.of("0.05", "EUR").prorate(1, 2)).isEqualTo(Money.of("0.03", "EUR"));
    }

    @Test
    void prorationOfNothingOrOfANegativePartIsAProgrammingError() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").prorate(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.00", "EUR").prorate(-1, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RuleViolation refused(ThrowingCallable call) {
        return catchThrowableOfType(RuleViolation.class, call);
    }

    private static void assertRefusal(RuleViolation refusal, String rule, String field) {
        assertThat(refusal).as("a RuleViolation").isNotNull();
        assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.INVALID_INPUT);
        assertThat(refusal.rule()).isEqualTo(rule);
        assertThat(refusal.field()).isEqualTo(field);
    }
}
