package com.engagementledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Proration (amount × part ÷ whole, rounded once HALF_UP to the minor unit) over amounts of every size in
 * currencies with 0, 2 and 3 minor digits.
 */
class MoneyProrationPropertyTest {

    @Property
    void theWholeIsTheAmountAndNoPartIsZero(@ForAll("money") Money money,
            @ForAll @IntRange(min = 1, max = 366) int whole) {
        assertThat(money.prorate(whole, whole)).isEqualTo(money);
        assertThat(money.prorate(0, whole).isZero()).isTrue();
    }

    @Property
    void aShareIsWithinHalfAMinorUnitOfTheExactValueAndInTheMinorUnit(@ForAll("money") Money money,
            @ForAll("partOfWhole") int[] partOfWhole) {
        int part = partOfWhole[0];
        int whole = partOfWhole[1];
        Money share = money.prorate(part, whole);
        BigDecimal exact = money.amount().multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), MathContext.DECIMAL128);
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(money.currency().getDefaultFractionDigits())
                .divide(BigDecimal.valueOf(2));
        assertThat(share.amount().scale()).isEqualTo(money.currency().getDefaultFractionDigits());
        assertThat(share.amount().subtract(exact).abs()).isLessThanOrEqualTo(halfUnit);
    }

    @Property
    void moreDaysNeverCostLess(@ForAll("money") Money money, @ForAll("partOfWhole") int[] partOfWhole) {
        int part = partOfWhole[0];
        int whole = partOfWhole[1];
        if (part < whole) {
            assertThat(money.prorate(part + 1, whole).amount())
                    .isGreaterThanOrEqualTo(money.prorate(part, whole).amount());
        }
    }

    @Property
    void twoSharesOfTheWholeDifferFromItByAtMostOneMinorUnit(@ForAll("money") Money money,
            @ForAll("partOfWhole") int[] partOfWhole) {
        int part = partOfWhole[0];
        int whole = partOfWhole[1];
        Money split = money.prorate(part, whole).plus(money.prorate(whole - part, whole));
        BigDecimal unit = BigDecimal.ONE.movePointLeft(money.currency().getDefaultFractionDigits());
        assertThat(split.minus(money).amount().abs()).isLessThanOrEqualTo(unit);
    }

    @Property
    void halfAMinorUnitRoundsUp(@ForAll @IntRange(min = 0, max = 1_000_000) int minorUnits) {
        // (2k + 1) cents ÷ 2 is k.5 cents exactly: HALF_UP gives k + 1
        Money odd = new Money(Currency.getInstance("EUR"), BigDecimal.valueOf(2L * minorUnits + 1, 2));
        assertThat(odd.prorate(1, 2).amount()).isEqualByComparingTo(BigDecimal.valueOf(minorUnits + 1L, 2));
    }

    @Provide
    Arbitrary<Money> money() {
        Arbitrary<Currency> currencies = Arbitraries.of("EUR", "JPY", "KWD", "USD").map(Currency::getInstance);
        Arbitrary<Long> minorUnits = Arbitraries.longs().between(0, 999_999_999_999L);
        return Combinators.combine(currencies, minorUnits).as((currency, units) ->
                new Money(currency, BigDecimal.valueOf(units, currency.getDefaultFractionDigits())));
    }

    @Provide
    Arbitrary<int[]> partOfWhole() {
        return Arbitraries.integers().between(1, 366).flatMap(whole ->
                Arbitraries.integers().between(0, whole).map(part -> new int[] {part, whole}));
    }
}
