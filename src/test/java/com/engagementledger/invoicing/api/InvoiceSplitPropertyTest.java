package com.engagementledger.invoicing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.SeatCalendar;
import com.engagementledger.engagement.api.SeatHolder;
import com.engagementledger.engagement.api.SeatOverlap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A month split into two consecutive periods is billed as the whole month is, up to rounding. What can honestly be
 * asserted, given that every line is rounded once:
 * <ol>
 *   <li>exactly: for every line of the whole (kind, seat, professional, unit price), the quantities of the parts'
 *   lines of that kind, seat, professional and unit price add up to its quantity; since a line's unrounded amount is
 *   unit price × quantity (÷ days in the month for a seat fee, which the parts share), the unrounded amounts add up
 *   exactly too, and no line of a part is missing from the whole;</li>
 *   <li>per line: the rounded amounts of the parts differ from the whole's by at most (n + 1) × ½ minor unit, n the
 *   number of parts' lines (each rounding is off by at most ½);</li>
 *   <li>the totals differ by at most (lines of the parts + lines of the whole) × ½ minor unit.</li>
 * </ol>
 * Service credits belong to no day and are left out.
 */
class InvoiceSplitPropertyTest {

    @Property(tries = 300)
    void theLinesOfTwoConsecutivePeriodsAddUpToTheWholeMonth(@ForAll("bases") Scenario scenario) {
        YearMonth month = scenario.month();
        LocalDate split = month.atDay(scenario.splitDay());
        InvoiceCalculation whole = InvoiceCalculator.calculate(scenario.basis(), month);
        InvoiceCalculation first = InvoiceCalculator.calculate(scenario.basis(), month.atDay(1), split.minusDays(1));
        InvoiceCalculation second = InvoiceCalculator.calculate(scenario.basis(), split, month.atEndOfMonth());
        Statistics.label("whole month").collect(whole.lines().isEmpty() ? "no line" : "lines");
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(scenario.basis().currency().getDefaultFractionDigits())
                .divide(BigDecimal.valueOf(2));

        Map<List<Object>, BigDecimal> wholeQuantities = new HashMap<>();
        Map<List<Object>, BigDecimal> wholeAmounts = new HashMap<>();
        whole.lines().forEach(line -> {
            wholeQuantities.merge(key(line), line.quantity(), BigDecimal::add);
            wholeAmounts.merge(key(line), line.amount(), BigDecimal::add);
        });
        Map<List<Object>, BigDecimal> partQuantities = new HashMap<>();
        Map<List<Object>, BigDecimal> partAmounts = new HashMap<>();
        Map<List<Object>, Integer> partLines = new HashMap<>();
        List<InvoiceLine> parts = new ArrayList<>(first.lines());
        parts.addAll(second.lines());
        parts.forEach(line -> {
            partQuantities.merge(key(line), line.quantity(), BigDecimal::add);
            partAmounts.merge(key(line), line.amount(), BigDecimal::add);
            partLines.merge(key(line), 1, Integer::sum);
        });

        assertThat(partQuantities.keySet()).isEqualTo(wholeQuantities.keySet());
        wholeQuantities.forEach((key, quantity) -> {
            assertThat(partQuantities.get(key)).as("quantity of %s", key).isEqualByComparingTo(quantity);
            BigDecimal bound = halfUnit.multiply(BigDecimal.valueOf(partLines.get(key) + 1L));
            assertThat(partAmounts.get(key).subtract(wholeAmounts.get(key)).abs()).as("amount of %s", key)
                    .isLessThanOrEqualTo(bound);
        });
        BigDecimal totalBound = halfUnit.multiply(BigDecimal.valueOf(parts.size() + whole.lines().size()));
        assertThat(first.total().plus(second.total()).minus(whole.total()).amount().abs())
                .isLessThanOrEqualTo(totalBound);
    }

    private static List<Object> key(InvoiceLine line) {
        return List.of(line.kind(), line.seatId(), String.valueOf(line.professionalName()),
                line.unitPrice().stripTrailingZeros());
    }

    record Scenario(YearMonth month, int splitDay, BillingBasis basis) {
    }

    @Provide
    Arbitrary<Scenario> bases() {
        Arbitrary<YearMonth> months = Arbitraries.integers().between(0, 59).map(i -> YearMonth.of(2024, 1)
                .plusMonths(i));
        Arbitrary<Currency> currencies = Arbitraries.of("EUR", "JPY", "KWD").map(Currency::getInstance);
        Arbitrary<BillingModel> models = Arbitraries.of(BillingModel.class);
        Arbitrary<List<SeatPlan>> plans = seatPlan().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Integer> trialChoice = Arbitraries.integers().between(0, 3);
        return Combinators.combine(months, currencies, models, plans, trialChoice, Arbitraries.integers()
                        .between(2, 28), Arbitraries.longs())
                .as((month, currency, model, seatPlans, trial, splitDay, seed) ->
                        scenario(month, currency, model, seatPlans, trial, splitDay, seed));
    }

    /** A seat as offsets from the month's first day; negative offsets lie in the month before. */
    record SeatPlan(int start, int length, long rateUnits, int rateChange, int pause, int pauseLength,
                    int overlap, boolean free) {
    }

    private Arbitrary<SeatPlan> seatPlan() {
        return Combinators.combine(Arbitraries.integers().between(-40, 27), Arbitraries.integers().between(1, 80),
                        Arbitraries.longs().between(1, 99_999_999L), Arbitraries.integers().between(-1, 30),
                        Arbitraries.integers().between(-1, 30), Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(-1, 25), Arbitraries.of(true, false))
                .as(SeatPlan::new);
    }

    private static Scenario scenario(YearMonth month, Currency currency, BillingModel model, List<SeatPlan> plans,
                                     int trialChoice, int splitDay, long seed) {
        LocalDate first = month.atDay(1);
        int digits = currency.getDefaultFractionDigits();
        List<CalendarSeat> seats = new ArrayList<>();
        List<ApprovedHours> hours = new ArrayList<>();
        java.util.Random random = new java.util.Random(seed);
        LocalDate earliest = null;
        for (int i = 0; i < plans.size(); i++) {
            SeatPlan plan = plans.get(i);
            LocalDate start = first.plusDays(plan.start());
            earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
            BigDecimal rate = BigDecimal.valueOf(plan.rateUnits(), digits);
            RateSchedule rates = RateSchedule.startingAt(start, rate);
            if (plan.rateChange() >= 0 && first.plusDays(plan.rateChange()).isAfter(start)) {
                rates = rates.with(new RateStep(first.plusDays(plan.rateChange()),
                        rate.add(BigDecimal.valueOf(plan.rateUnits() % 997 + 1, digits)), "rc-" + i));
            }
            List<SeatHolder> holders = new ArrayList<>(List.of(new SeatHolder("p" + i, "Pro " + i, start)));
            List<SeatOverlap> overlaps = new ArrayList<>();
            if (plan.overlap() >= 0 && first.plusDays(plan.overlap()).isAfter(start)) {
                LocalDate from = first.plusDays(plan.overlap());
                overlaps.add(new SeatOverlap("rep-" + i, "q" + i, "Incoming " + i, from, from.plusDays(4),
                        plan.free()));
                holders.add(new SeatHolder("q" + i, "Incoming " + i, from.plusDays(5)));
            }
            seats.add(new CalendarSeat("s" + i, holders, start, start.plusDays(plan.length()), rates, overlaps));
            for (LocalDate day = first; !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                hours.add(new ApprovedHours("s" + i, day, BigDecimal.valueOf(random.nextInt(97), 2)
                        .multiply(BigDecimal.valueOf(25))));
            }
        }
        SeatCalendar calendar = SeatCalendar.of(seats).startingOn(earliest);
        SeatPlan firstPlan = plans.get(0);
        if (firstPlan.pause() >= 0 && first.plusDays(firstPlan.pause()).isAfter(earliest)) {
            LocalDate pause = first.plusDays(firstPlan.pause());
            calendar = calendar.pausedFrom(pause).resumedOn(pause.plusDays(firstPlan.pauseLength()));
        }
        TrialPeriod trial = switch (trialChoice) {
            case 1 -> new TrialPeriod(earliest, earliest.plusDays(13), TrialOutcome.ACCEPTED, earliest.plusDays(3));
            case 2 -> new TrialPeriod(earliest, earliest.plusDays(13), TrialOutcome.REJECTED, earliest.plusDays(9));
            case 3 -> new TrialPeriod(earliest, earliest.plusDays(13), TrialOutcome.UNDECIDED, null);
            default -> null;
        };
        return new Scenario(month, Math.min(splitDay, month.lengthOfMonth()),
                new BillingBasis("eng-1", currency, model, calendar, trial, hours, List.of()));
    }
}
