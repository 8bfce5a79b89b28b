package com.engagementledger.invoicing.api;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.OverlapSeatDay;
import com.engagementledger.engagement.api.SeatCalendar;
import com.engagementledger.engagement.api.SeatHolder;
import com.engagementledger.platform.api.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The line rules of DESIGN.md §3 (Invoice), and the one place where billing rounds. Pure: the lines follow from the
 * {@link BillingBasis} and the days alone.
 * <ul>
 *   <li>{@code SEAT_FEE}: one line per seat, professional and rate; amount = monthly rate × the days of the period on
 *   which the seat was billed with that professional at that rate ÷ the days in the month, exact, then rounded once
 *   {@code HALF_UP} to the currency's minor unit. A rate change or a swap starts a new line; a pause only removes
 *   days. A {@code BILLABLE} replacement's overlap days are billed to its incoming professional on the seat's fee
 *   line for that professional and rate, which after the swap goes on with the days the professional holds the seat
 *   (ADR 0031).</li>
 *   <li>{@code HOURS}: one line per seat, professional and rate; amount = approved hours × the rate in effect on each
 *   day, rounded once. Hours on a day the calendar does not bill (a pause recorded after the hours were approved)
 *   are not billed. A {@code BILLABLE} overlap day of an hourly seat is billed as 8 hours (DESIGN.md's day of an
 *   hourly seat) to the incoming professional.</li>
 *   <li>{@code TRIAL}: one line of 0 per seat for the billed days of a rejected trial, up to its rejection (nothing
 *   after a rejection is billed), and likewise for the days of a trial not decided yet, billed once accepted. The
 *   days of an accepted trial are ordinary days.</li>
 *   <li>{@code OVERLAP}: one line of 0 per seat and free replacement for its incoming professional's zero-rated
 *   days.</li>
 *   <li>{@code SERVICE_CREDIT}: one negative line per credit given, whatever the period.</li>
 * </ul>
 * Nothing is floating point, and a credit of another currency is a programming error, never converted.
 */
public final class InvoiceCalculator {

    /** The hours of a day of an hourly seat, as DESIGN.md §3 counts a day's rate (8 × the hourly rate). */
    static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(8);

    private InvoiceCalculator() {
    }

    /** The lines of one calendar month, in the engagement's local dates. */
    public static InvoiceCalculation calculate(BillingBasis basis, YearMonth period) {
        return calculate(basis, period.atDay(1), period.atEndOfMonth());
    }

    /**
     * The lines of the days {@code from} to {@code to}, both included, within one calendar month: seat fees are still
     * prorated by the days of that month.
     */
    public static InvoiceCalculation calculate(BillingBasis basis, LocalDate from, LocalDate to) {
        Objects.requireNonNull(basis, "basis");
        if (to.isBefore(from) || !YearMonth.from(from).equals(YearMonth.from(to))) {
            throw new IllegalArgumentException("a period lies within one calendar month: " + from + " to " + to);
        }
        int daysInMonth = from.lengthOfMonth();
        SeatCalendar calendar = basis.calendar();
        Map<String, Map<LocalDate, BigDecimal>> hours = hoursBySeat(basis);
        List<Group> groups = new ArrayList<>();
        Map<List<Object>, Group> byKey = new HashMap<>();
        for (CalendarSeat seat : calendar.seats()) {
            for (LocalDate day : from.datesUntil(to.plusDays(1)).toList()) {
                if (!calendar.billedOn(seat, day)) {
                    continue;
                }
                SeatHolder holder = seat.holderOn(day);
                Treatment treatment = treatment(basis.trial(), day);
                if (treatment == Treatment.NONE) {
                    continue;
                }
                if (treatment == Treatment.TRIAL) {
                    group(byKey, groups, InvoiceLineKind.TRIAL, seat.seatId(), holder.professionalId(),
                            holder.professionalName(), BigDecimal.ZERO, basis.trial().outcome().name())
                            .add(day, BigDecimal.ONE);
                    continue;
                }
                BigDecimal rate = seat.rates().rateOn(day).orElseThrow();
                if (basis.billingModel() == BillingModel.MONTHLY) {
                    group(byKey, groups, InvoiceLineKind.SEAT_FEE, seat.seatId(), holder.professionalId(),
                            holder.professionalName(), rate, null).add(day, BigDecimal.ONE);
                } else {
                    BigDecimal worked = hours.getOrDefault(seat.seatId(), Map.of()).get(day);
                    if (worked != null && worked.signum() > 0) {
                        group(byKey, groups, InvoiceLineKind.HOURS, seat.seatId(), holder.professionalId(),
                                holder.professionalName(), rate, null).add(day, worked);
                    }
                }
            }
        }
        for (OverlapSeatDay overlap : calendar.overlapDaysBetween(from, to)) {
            if (treatment(basis.trial(), overlap.day()) != Treatment.BILLED) {
                continue;
            }
            if (overlap.zeroRated()) {
                group(byKey, groups, InvoiceLineKind.OVERLAP, overlap.seatId(), overlap.professionalId(),
                        overlap.professionalName(), BigDecimal.ZERO, overlap.replacementId())
                        .add(overlap.day(), BigDecimal.ONE);
            } else if (basis.billingModel() == BillingModel.MONTHLY) {
                group(byKey, groups, InvoiceLineKind.SEAT_FEE, overlap.seatId(), overlap.professionalId(),
                        overlap.professionalName(), overlap.rate(), null).add(overlap.day(), BigDecimal.ONE);
            } else {
                group(byKey, groups, InvoiceLineKind.HOURS, overlap.seatId(), overlap.professionalId(),
                        overlap.professionalName(), overlap.rate(), null).add(overlap.day(), HOURS_PER_DAY);
            }
        }
        List<String> seatOrder = calendar.seats().stream().map(CalendarSeat::seatId).toList();
        groups.sort(Comparator.<Group>comparingInt(group -> seatOrder.indexOf(group.seatId))
                .thenComparing(group -> group.from)
                .thenComparing(group -> group.kind));
        List<InvoiceLine> lines = new ArrayList<>();
        for (Group group : groups) {
            lines.add(group.line(basis.currency().getDefaultFractionDigits(), daysInMonth));
        }
        for (CreditDue credit : basis.credits()) {
            lines.add(creditLine(basis, credit));
        }
        Money total = Money.zero(basis.currency());
        for (InvoiceLine line : lines) {
            total = total.plus(new Money(basis.currency(), line.amount()));
        }
        return new InvoiceCalculation(basis.engagementId(), from, to, lines, total);
    }

    /** How a day the calendar bills is billed, given the trial. */
    private enum Treatment { BILLED, TRIAL, NONE }

    private static Treatment treatment(TrialPeriod trial, LocalDate day) {
        if (trial == null || trial.outcome() == TrialOutcome.ACCEPTED || day.isBefore(trial.start())) {
            return Treatment.BILLED;
        }
        if (trial.covers(day)) {
            return Treatment.TRIAL;
        }
        // after a rejection the engagement is over; after an undecided trial's last day it accepts itself
        return trial.outcome() == TrialOutcome.REJECTED ? Treatment.NONE : Treatment.BILLED;
    }

    private static Map<String, Map<LocalDate, BigDecimal>> hoursBySeat(BillingBasis basis) {
        Map<String, Map<LocalDate, BigDecimal>> bySeat = new HashMap<>();
        for (ApprovedHours entry : basis.hours()) {
            bySeat.computeIfAbsent(entry.seatId(), seat -> new HashMap<>()).merge(entry.day(), entry.hours(),
                    BigDecimal::add);
        }
        return bySeat;
    }

    private static Group group(Map<List<Object>, Group> byKey, List<Group> groups, InvoiceLineKind kind,
                               String seatId, String professionalId, String professionalName, BigDecimal rate,
                               String detail) {
        List<Object> key = new ArrayList<>();
        key.add(kind);
        key.add(seatId);
        key.add(professionalId);
        // 5000 and 5000.00 are one rate
        key.add(rate.stripTrailingZeros());
        key.add(Objects.toString(detail));
        return byKey.computeIfAbsent(key, k -> {
            Group created = new Group(kind, seatId, professionalName, rate, detail);
            groups.add(created);
            return created;
        });
    }

    private static InvoiceLine creditLine(BillingBasis basis, CreditDue credit) {
        if (!credit.amount().currency().equals(basis.currency())) {
            throw new IllegalArgumentException("credit of replacement " + credit.replacementId() + " is in "
                    + credit.amount().currency() + ", engagement " + basis.engagementId() + " bills in "
                    + basis.currency());
        }
        BigDecimal amount = credit.amount().amount().negate();
        return new InvoiceLine(InvoiceLineKind.SERVICE_CREDIT, credit.seatId(), null,
                "Service credit: replacement " + credit.replacementId() + " " + credit.businessDaysLate()
                        + " business day" + (credit.businessDaysLate() == 1 ? "" : "s") + " late",
                credit.grantedOn(), credit.grantedOn(), BigDecimal.ONE, amount, amount);
    }

    /** The days (or hours) of one future line, in the order the calendar gave them. */
    private static final class Group {

        private final InvoiceLineKind kind;
        private final String seatId;
        private final String professionalName;
        private final BigDecimal rate;
        private final String detail;
        private final Map<LocalDate, BigDecimal> quantities = new LinkedHashMap<>();
        private LocalDate from;
        private LocalDate to;

        Group(InvoiceLineKind kind, String seatId, String professionalName, BigDecimal rate, String detail) {
            this.kind = kind;
            this.seatId = seatId;
            this.professionalName = professionalName;
            this.rate = rate;
            this.detail = detail;
        }

        Group add(LocalDate day, BigDecimal quantity) {
            quantities.merge(day, quantity, BigDecimal::add);
            from = from == null || day.isBefore(from) ? day : from;
            to = to == null || day.isAfter(to) ? day : to;
            return this;
        }

        InvoiceLine line(int minorDigits, int daysInMonth) {
            BigDecimal quantity = quantities.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal zero = BigDecimal.ZERO.setScale(minorDigits);
            return switch (kind) {
                case SEAT_FEE -> new InvoiceLine(kind, seatId, professionalName,
                        "Seat fee: " + quantity.toPlainString() + " of " + daysInMonth + " days at "
                                + rate.toPlainString() + " a month",
                        from, to, quantity, rate,
                        rate.multiply(quantity).divide(BigDecimal.valueOf(daysInMonth), minorDigits,
                                RoundingMode.HALF_UP));
                case HOURS -> new InvoiceLine(kind, seatId, professionalName,
                        "Hours: " + quantity.toPlainString() + " at " + rate.toPlainString() + " an hour",
                        from, to, quantity, rate,
                        rate.multiply(quantity).setScale(minorDigits, RoundingMode.HALF_UP));
                case TRIAL -> new InvoiceLine(kind, seatId, professionalName,
                        (TrialOutcome.REJECTED.name().equals(detail) ? "Trial rejected: " : "Trial not decided yet: ")
                                + quantity.toPlainString() + " days not billed",
                        from, to, quantity, zero, zero);
                case OVERLAP -> new InvoiceLine(kind, seatId, professionalName,
                        "Overlap of replacement " + detail + ": " + quantity.toPlainString()
                                + " days zero-rated",
                        from, to, quantity, zero, zero);
                case SERVICE_CREDIT -> throw new IllegalStateException("credits are not grouped");
            };
        }
    }
}
