package com.engagementledger.invoicing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.SeatCalendar;
import com.engagementledger.engagement.api.SeatHolder;
import com.engagementledger.engagement.api.SeatOverlap;
import com.engagementledger.platform.api.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line rules of DESIGN.md §3 with amounts computed by hand: each expected amount is written as the fraction it
 * comes from and the value it rounds to, {@code HALF_UP}, to the currency's minor unit.
 */
class InvoiceCalculatorTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    // ---------------------------------------------------------------- seat fees

    @Test
    void aSeatBilledTheWholeMonthIsBilledItsMonthlyRate() {
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2026-01-01", null, "5000.00"))
                .startingOn(date("2026-01-01")));
        InvoiceCalculation january = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 1));
        assertThat(january.lines()).extracting(InvoiceLine::kind, InvoiceLine::seatId, InvoiceLine::professionalName,
                        InvoiceLine::from, InvoiceLine::to, InvoiceLine::quantity, InvoiceLine::unitPrice,
                        InvoiceLine::amount)
                .containsExactly(tuple(InvoiceLineKind.SEAT_FEE, "s1", "Anna", date("2026-01-01"),
                        date("2026-01-31"), new BigDecimal("31"), new BigDecimal("5000.00"),
                        new BigDecimal("5000.00")));
        assertThat(january.total()).isEqualTo(Money.of("5000.00", "EUR"));
    }

    @Test
    void aSeatStartingLateInTheMonthIsProratedThenBilledInFullNextMonth() {
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2026-01-20", null, "5000.00"))
                .startingOn(date("2026-01-20")));
        // 5000 × 12 / 31 = 1935.4838… → 1935.48
        assertThat(amounts(basis, 2026, 1)).containsExactly(new BigDecimal("1935.48"));
        assertThat(lines(basis, 2026, 1).get(0).description()).isEqualTo("Seat fee: 12 of 31 days at 5000.00 a month");
        // February 2026 has 28 days, all billed
        assertThat(amounts(basis, 2026, 2)).containsExactly(new BigDecimal("5000.00"));
    }

    @Test
    void februaryOfALeapYearHas29Days() {
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2028-02-10", null, "5000.00"))
                .startingOn(date("2028-02-10")));
        // 10 to 29 February: 20 days; 5000 × 20 / 29 = 3448.2758… → 3448.28
        InvoiceLine line = lines(basis, 2028, 2).get(0);
        assertThat(line.quantity()).isEqualByComparingTo("20");
        assertThat(line.amount()).isEqualTo(new BigDecimal("3448.28"));
    }

    @Test
    void aMidMonthRateChangeSplitsTheSeatFeeIntoTwoLines() {
        CalendarSeat seat = seat("s1", "p1", "Anna", "2026-01-01", null, "5000.00");
        seat = seat.withRates(seat.rates().with(new RateStep(date("2026-03-16"), new BigDecimal("6000.00"), "rc-1")));
        BillingBasis basis = monthly(EUR, calendar(seat).startingOn(date("2026-01-01")));
        InvoiceCalculation march = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 3));
        // 1–15 March: 5000 × 15 / 31 = 2419.3548… → 2419.35; 16–31 March: 6000 × 16 / 31 = 3096.7741… → 3096.77
        assertThat(march.lines()).extracting(InvoiceLine::from, InvoiceLine::to, InvoiceLine::unitPrice,
                        InvoiceLine::amount)
                .containsExactly(
                        tuple(date("2026-03-01"), date("2026-03-15"), new BigDecimal("5000.00"),
                                new BigDecimal("2419.35")),
                        tuple(date("2026-03-16"), date("2026-03-31"), new BigDecimal("6000.00"),
                                new BigDecimal("3096.77")));
        assertThat(march.total()).isEqualTo(Money.of("5516.12", "EUR"));
    }

    @Test
    void aSeatAddedAndReleasedMidMonthIsBilledItsDaysOnly() {
        BillingBasis basis = monthly(EUR, calendar(
                seat("s1", "p1", "Anna", "2026-01-01", null, "5000.00"),
                seat("s2", "p2", "Bruno", "2026-04-10", "2026-04-20", "3100.00"))
                .startingOn(date("2026-01-01")));
        InvoiceCalculation april = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 4));
        // s2 from 10 April to 19 April (the release day is not billed): 3100 × 10 / 30 = 1033.333… → 1033.33
        assertThat(april.lines()).extracting(InvoiceLine::seatId, InvoiceLine::from, InvoiceLine::to,
                        InvoiceLine::amount)
                .containsExactly(
                        tuple("s1", date("2026-04-01"), date("2026-04-30"), new BigDecimal("5000.00")),
                        tuple("s2", date("2026-04-10"), date("2026-04-19"), new BigDecimal("1033.33")));
        assertThat(april.total()).isEqualTo(Money.of("6033.33", "EUR"));
        assertThat(amounts(basis, 2026, 5)).as("released: nothing in May").containsExactly(
                new BigDecimal("5000.00"));
    }

    @Test
    void aPauseAcrossAMonthEndRemovesItsDaysFromBothMonths() {
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2026-01-01", null, "5000.00"))
                .startingOn(date("2026-01-01")).pausedFrom(date("2026-05-25")).resumedOn(date("2026-06-08")));
        // May: 1–24, 24 days; 5000 × 24 / 31 = 3870.9677… → 3870.97
        assertThat(lines(basis, 2026, 5)).extracting(InvoiceLine::from, InvoiceLine::to, InvoiceLine::quantity,
                        InvoiceLine::amount)
                .containsExactly(tuple(date("2026-05-01"), date("2026-05-24"), new BigDecimal("24"),
                        new BigDecimal("3870.97")));
        // June: 8–30, 23 days; 5000 × 23 / 30 = 3833.333… → 3833.33
        assertThat(lines(basis, 2026, 6)).extracting(InvoiceLine::from, InvoiceLine::to, InvoiceLine::quantity,
                        InvoiceLine::amount)
                .containsExactly(tuple(date("2026-06-08"), date("2026-06-30"), new BigDecimal("23"),
                        new BigDecimal("3833.33")));
    }

    @Test
    void aPauseInsideTheMonthOnlyRemovesDaysFromTheLine() {
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2026-01-01", null, "5000.00"))
                .startingOn(date("2026-01-01")).pausedFrom(date("2026-07-10")).resumedOn(date("2026-07-20")));
        // 31 − 10 paused days = 21; 5000 × 21 / 31 = 3387.0967… → 3387.10, one line spanning the pause
        assertThat(lines(basis, 2026, 7)).extracting(InvoiceLine::from, InvoiceLine::to, InvoiceLine::quantity,
                        InvoiceLine::amount)
                .containsExactly(tuple(date("2026-07-01"), date("2026-07-31"), new BigDecimal("21"),
                        new BigDecimal("3387.10")));
    }

    @Test
    void nothingIsBilledAfterTheNoticesLastDay() {
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2026-01-01", null, "5000.00"))
                .startingOn(date("2026-01-01")).endingAfter(date("2026-08-10")));
        // 5000 × 10 / 31 = 1612.9032… → 1612.90
        assertThat(amounts(basis, 2026, 8)).containsExactly(new BigDecimal("1612.90"));
        assertThat(lines(basis, 2026, 9)).isEmpty();
    }

    // ---------------------------------------------------------------- trial

    @Test
    void aRejectedTrialGetsOneTrialLineOfZeroPerSeatAndNothingAfterIt() {
        TrialPeriod trial = new TrialPeriod(date("2026-07-06"), date("2026-07-19"), TrialOutcome.REJECTED,
                date("2026-07-10"));
        BillingBasis basis = monthly(EUR, calendar(
                seat("s1", "p1", "Anna", "2026-07-06", null, "5000.00"),
                seat("s2", "p2", "Bruno", "2026-07-06", null, "4000.00"))
                .startingOn(date("2026-07-06")), trial);
        InvoiceCalculation july = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 7));
        assertThat(july.lines()).extracting(InvoiceLine::kind, InvoiceLine::seatId, InvoiceLine::from,
                        InvoiceLine::to, InvoiceLine::quantity, InvoiceLine::amount)
                .containsExactly(
                        tuple(InvoiceLineKind.TRIAL, "s1", date("2026-07-06"), date("2026-07-10"),
                                new BigDecimal("5"), new BigDecimal("0.00")),
                        tuple(InvoiceLineKind.TRIAL, "s2", date("2026-07-06"), date("2026-07-10"),
                                new BigDecimal("5"), new BigDecimal("0.00")));
        assertThat(july.lines().get(0).description()).isEqualTo("Trial rejected: 5 days not billed");
        assertThat(july.total()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(lines(basis, 2026, 8)).isEmpty();
    }

    @Test
    void theDaysOfAnAcceptedTrialAreOrdinaryDays() {
        TrialPeriod trial = new TrialPeriod(date("2026-07-06"), date("2026-07-19"), TrialOutcome.ACCEPTED,
                date("2026-07-15"));
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2026-07-06", null, "5000.00"))
                .startingOn(date("2026-07-06")), trial);
        // 6–31 July, 26 days, one line: 5000 × 26 / 31 = 4193.5483… → 4193.55
        assertThat(lines(basis, 2026, 7)).extracting(InvoiceLine::kind, InvoiceLine::quantity, InvoiceLine::amount)
                .containsExactly(tuple(InvoiceLineKind.SEAT_FEE, new BigDecimal("26"), new BigDecimal("4193.55")));
    }

    @Test
    void theDaysOfATrialNotDecidedYetAreShownAtZero() {
        TrialPeriod trial = new TrialPeriod(date("2026-07-25"), date("2026-08-07"), TrialOutcome.UNDECIDED, null);
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2026-07-25", null, "5000.00"))
                .startingOn(date("2026-07-25")), trial);
        assertThat(lines(basis, 2026, 7)).extracting(InvoiceLine::kind, InvoiceLine::quantity, InvoiceLine::amount,
                        InvoiceLine::description)
                .containsExactly(tuple(InvoiceLineKind.TRIAL, new BigDecimal("7"), new BigDecimal("0.00"),
                        "Trial not decided yet: 7 days not billed"));
    }

    // ---------------------------------------------------------------- replacements

    @Test
    void aFreeReplacementsOverlapIsShownAtZeroAndTheSwapSplitsTheSeatFee() {
        BillingBasis basis = monthly(EUR, calendar(replacedSeat(true)).startingOn(date("2026-01-01")));
        InvoiceCalculation september = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 9));
        // Anna 1–18 September: 4650 × 18 / 30 = 2790.00; Carla 19–30: 4650 × 12 / 30 = 1860.00; her overlap 14–18 at 0
        assertThat(september.lines()).extracting(InvoiceLine::kind, InvoiceLine::professionalName, InvoiceLine::from,
                        InvoiceLine::to, InvoiceLine::quantity, InvoiceLine::amount)
                .containsExactly(
                        tuple(InvoiceLineKind.SEAT_FEE, "Anna", date("2026-09-01"), date("2026-09-18"),
                                new BigDecimal("18"), new BigDecimal("2790.00")),
                        tuple(InvoiceLineKind.OVERLAP, "Carla", date("2026-09-14"), date("2026-09-18"),
                                new BigDecimal("5"), new BigDecimal("0.00")),
                        tuple(InvoiceLineKind.SEAT_FEE, "Carla", date("2026-09-19"), date("2026-09-30"),
                                new BigDecimal("12"), new BigDecimal("1860.00")));
        assertThat(september.lines().get(1).description()).isEqualTo("Overlap of replacement rep-1: 5 days zero-rated");
        assertThat(september.total()).isEqualTo(Money.of("4650.00", "EUR"));
    }

    @Test
    void aBillableReplacementsOverlapIsBilledOnTheIncomingProfessionalsSeatFeeLine() {
        BillingBasis basis = monthly(EUR, calendar(replacedSeat(false)).startingOn(date("2026-01-01")));
        InvoiceCalculation september = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 9));
        // Anna 18 days: 2790.00; Carla 14–30 September, 5 overlap days and 12 of her own: 4650 × 17 / 30 = 2635.00
        assertThat(september.lines()).extracting(InvoiceLine::kind, InvoiceLine::professionalName, InvoiceLine::from,
                        InvoiceLine::to, InvoiceLine::quantity, InvoiceLine::amount)
                .containsExactly(
                        tuple(InvoiceLineKind.SEAT_FEE, "Anna", date("2026-09-01"), date("2026-09-18"),
                                new BigDecimal("18"), new BigDecimal("2790.00")),
                        tuple(InvoiceLineKind.SEAT_FEE, "Carla", date("2026-09-14"), date("2026-09-30"),
                                new BigDecimal("17"), new BigDecimal("2635.00")));
        assertThat(september.total()).isEqualTo(Money.of("5425.00", "EUR"));
    }

    @Test
    void aServiceCreditIsANegativeLineAndReducesTheTotal() {
        BillingBasis basis = new BillingBasis("eng-1", EUR, BillingModel.MONTHLY,
                calendar(replacedSeat(true)).startingOn(date("2026-01-01")), null, List.of(),
                List.of(new CreditDue("rep-1", "s1", date("2026-09-20"), 3, Money.of("536.54", "EUR"))));
        InvoiceCalculation september = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 9));
        assertThat(september.lines()).last()
                .extracting(InvoiceLine::kind, InvoiceLine::seatId, InvoiceLine::from, InvoiceLine::quantity,
                        InvoiceLine::unitPrice, InvoiceLine::amount, InvoiceLine::description)
                .containsExactly(InvoiceLineKind.SERVICE_CREDIT, "s1", date("2026-09-20"), BigDecimal.ONE,
                        new BigDecimal("-536.54"), new BigDecimal("-536.54"),
                        "Service credit: replacement rep-1 3 business days late");
        // 2790.00 + 0 + 1860.00 − 536.54
        assertThat(september.total()).isEqualTo(Money.of("4113.46", "EUR"));
    }

    @Test
    void aCreditInAnotherCurrencyIsNeverAdded() {
        BillingBasis basis = new BillingBasis("eng-1", EUR, BillingModel.MONTHLY,
                calendar(replacedSeat(true)).startingOn(date("2026-01-01")), null, List.of(),
                List.of(new CreditDue("rep-1", "s1", date("2026-09-20"), 3, Money.of("536", "JPY"))));
        assertThatThrownBy(() -> InvoiceCalculator.calculate(basis, YearMonth.of(2026, 9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JPY");
    }

    // ---------------------------------------------------------------- hours

    @Test
    void anHourlyWeekSpanningTwoMonthsIsBilledInEachMonthForItsOwnDays() {
        // ISO week 2026-W05: Monday 26 January to Sunday 1 February
        List<ApprovedHours> week = List.of(
                hours("2026-01-26", "8"), hours("2026-01-27", "7.5"), hours("2026-01-28", "8"),
                hours("2026-01-29", "8.25"), hours("2026-01-30", "6"), hours("2026-02-01", "3.75"));
        BillingBasis basis = new BillingBasis("eng-1", EUR, BillingModel.HOURLY,
                calendar(seat("s1", "p1", "Anna", "2026-01-01", null, "87.50")).startingOn(date("2026-01-01")),
                null, week, List.of());
        // January: 37.75 h × 87.50 = 3303.125 → 3303.13
        assertThat(lines(basis, 2026, 1)).extracting(InvoiceLine::kind, InvoiceLine::from, InvoiceLine::to,
                        InvoiceLine::quantity, InvoiceLine::unitPrice, InvoiceLine::amount)
                .containsExactly(tuple(InvoiceLineKind.HOURS, date("2026-01-26"), date("2026-01-30"),
                        new BigDecimal("37.75"), new BigDecimal("87.50"), new BigDecimal("3303.13")));
        // February: 3.75 h × 87.50 = 328.125 → 328.13
        assertThat(amounts(basis, 2026, 2)).containsExactly(new BigDecimal("328.13"));
    }

    @Test
    void hoursAreBilledAtTheRateInEffectOnEachDay() {
        CalendarSeat seat = seat("s1", "p1", "Anna", "2026-01-01", null, "80.00");
        seat = seat.withRates(seat.rates().with(new RateStep(date("2026-03-04"), new BigDecimal("90.00"), "rc-1")));
        BillingBasis basis = new BillingBasis("eng-1", EUR, BillingModel.HOURLY,
                calendar(seat).startingOn(date("2026-01-01")), null,
                List.of(hours("2026-03-02", "8"), hours("2026-03-03", "4.25"), hours("2026-03-04", "7.75")),
                List.of());
        // 12.25 h × 80 = 980.00; 7.75 h × 90 = 697.50
        assertThat(lines(basis, 2026, 3)).extracting(InvoiceLine::quantity, InvoiceLine::amount)
                .containsExactly(tuple(new BigDecimal("12.25"), new BigDecimal("980.00")),
                        tuple(new BigDecimal("7.75"), new BigDecimal("697.50")));
    }

    @Test
    void hoursOnADayTheCalendarDoesNotBillAreNotBilled() {
        BillingBasis basis = new BillingBasis("eng-1", EUR, BillingModel.HOURLY,
                calendar(seat("s1", "p1", "Anna", "2026-01-01", null, "80.00")).startingOn(date("2026-01-01"))
                        .pausedFrom(date("2026-03-03")).resumedOn(date("2026-03-04")),
                null, List.of(hours("2026-03-02", "8"), hours("2026-03-03", "8")), List.of());
        assertThat(amounts(basis, 2026, 3)).containsExactly(new BigDecimal("640.00"));
    }

    @Test
    void aBillableOverlapOfAnHourlySeatIsBilledAsEightHoursADay() {
        BillingBasis basis = new BillingBasis("eng-1", EUR, BillingModel.HOURLY,
                calendar(replacedSeat(false, "60.00")).startingOn(date("2026-01-01")), null,
                List.of(hours("2026-09-14", "8"), hours("2026-09-21", "6")), List.of());
        // Anna 8 h × 60 = 480.00; Carla 5 overlap days × 8 h + 6 h = 46 h × 60 = 2760.00
        assertThat(lines(basis, 2026, 9)).extracting(InvoiceLine::kind, InvoiceLine::professionalName,
                        InvoiceLine::quantity, InvoiceLine::amount)
                .containsExactly(tuple(InvoiceLineKind.HOURS, "Anna", new BigDecimal("8"), new BigDecimal("480.00")),
                        tuple(InvoiceLineKind.HOURS, "Carla", new BigDecimal("46"), new BigDecimal("2760.00")));
    }

    // ---------------------------------------------------------------- currencies

    @Test
    void linesAreRoundedToTheMinorUnitOfTheirCurrency() {
        // 2–31 January, 30 of 31 days (the amounts of DESIGN.md §5)
        // JPY 700000 × 30 / 31 = 677419.35… → 677419
        assertThat(amounts(monthlyFromJanuary2(JPY, "700000"), 2026, 1)).containsExactly(new BigDecimal("677419"));
        // EUR 11550 × 30 / 31 = 11177.419… → 11177.42
        assertThat(amounts(monthlyFromJanuary2(EUR, "11550.00"), 2026, 1))
                .containsExactly(new BigDecimal("11177.42"));
        // KWD 2100 × 30 / 31 = 2032.2580… → 2032.258
        assertThat(amounts(monthlyFromJanuary2(KWD, "2100.000"), 2026, 1))
                .containsExactly(new BigDecimal("2032.258"));
    }

    @Test
    void halfAMinorUnitIsRoundedUp() {
        // KWD 1.001 × 15 / 30 = 0.5005 → 0.501; JPY 1001 × 15 / 30 = 500.5 → 501
        CalendarSeat kwd = seat("s1", "p1", "Anna", "2026-04-16", null, "1.001");
        assertThat(amounts(monthly(KWD, calendar(kwd).startingOn(date("2026-04-16"))), 2026, 4))
                .containsExactly(new BigDecimal("0.501"));
        CalendarSeat jpy = seat("s1", "p1", "Anna", "2026-04-16", null, "1001");
        assertThat(amounts(monthly(JPY, calendar(jpy).startingOn(date("2026-04-16"))), 2026, 4))
                .containsExactly(new BigDecimal("501"));
    }

    @Test
    void theTotalIsTheSumOfTheRoundedLines() {
        BillingBasis basis = monthly(EUR, calendar(
                seat("s1", "p1", "Anna", "2026-01-01", null, "100.00"),
                seat("s2", "p2", "Bruno", "2026-01-01", null, "100.00"),
                seat("s3", "p3", "Carla", "2026-01-01", null, "100.00"))
                .startingOn(date("2026-01-01")).endingAfter(date("2026-01-01")));
        // each 100 × 1 / 31 = 3.2258… → 3.23; the total is 9.69, not 300 / 31 = 9.677… → 9.68
        InvoiceCalculation january = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 1));
        assertThat(january.total()).isEqualTo(Money.of("9.69", "EUR"));
    }

    @Test
    void aPeriodLiesWithinOneCalendarMonth() {
        BillingBasis basis = monthlyFromJanuary2(EUR, "100.00");
        assertThatThrownBy(() -> InvoiceCalculator.calculate(basis, date("2026-01-20"), date("2026-02-03")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceCalculator.calculate(basis, date("2026-01-20"), date("2026-01-19")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEngagementThatNeverStartedBillsNothing() {
        BillingBasis basis = monthly(EUR, calendar(seat("s1", "p1", "Anna", "2026-01-01", null, "5000.00")));
        InvoiceCalculation january = InvoiceCalculator.calculate(basis, YearMonth.of(2026, 1));
        assertThat(january.lines()).isEmpty();
        assertThat(january.total()).isEqualTo(Money.of("0.00", "EUR"));
    }

    // ---------------------------------------------------------------- support

    /** Anna holds s1 from January; Carla overlaps her 14–18 September 2026 and holds the seat from the 19th. */
    static CalendarSeat replacedSeat(boolean free) {
        return replacedSeat(free, "4650.00");
    }

    static CalendarSeat replacedSeat(boolean free, String rate) {
        return new CalendarSeat("s1",
                List.of(new SeatHolder("p1", "Anna", date("2026-01-01")),
                        new SeatHolder("p3", "Carla", date("2026-09-19"))),
                date("2026-01-01"), null, RateSchedule.startingAt(date("2026-01-01"), new BigDecimal(rate)),
                List.of(new SeatOverlap("rep-1", "p3", "Carla", date("2026-09-14"), date("2026-09-18"), free)));
    }

    private static BillingBasis monthlyFromJanuary2(Currency currency, String rate) {
        return monthly(currency, calendar(seat("s1", "p1", "Anna", "2026-01-02", null, rate))
                .startingOn(date("2026-01-02")));
    }

    static BillingBasis monthly(Currency currency, SeatCalendar calendar) {
        return monthly(currency, calendar, null);
    }

    static BillingBasis monthly(Currency currency, SeatCalendar calendar, TrialPeriod trial) {
        return new BillingBasis("eng-1", currency, BillingModel.MONTHLY, calendar, trial, List.of(), List.of());
    }

    static SeatCalendar calendar(CalendarSeat... seats) {
        return SeatCalendar.of(List.of(seats));
    }

    static CalendarSeat seat(String seatId, String professionalId, String name, String start, String release,
                             String rate) {
        return new CalendarSeat(seatId, professionalId, name, date(start), release == null ? null : date(release),
                RateSchedule.startingAt(date(start), new BigDecimal(rate)));
    }

    private static ApprovedHours hours(String day, String hours) {
        return new ApprovedHours("s1", date(day), new BigDecimal(hours));
    }

    private static List<InvoiceLine> lines(BillingBasis basis, int year, int month) {
        return InvoiceCalculator.calculate(basis, YearMonth.of(year, month)).lines();
    }

    private static List<BigDecimal> amounts(BillingBasis basis, int year, int month) {
        return lines(basis, year, month).stream().map(InvoiceLine::amount).toList();
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
