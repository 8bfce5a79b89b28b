package com.engagementledger.billing.web;

import com.engagementledger.billing.api.AgingView;
import com.engagementledger.billing.api.FindAging;
import com.engagementledger.billing.api.FindReconciliation;
import com.engagementledger.billing.api.FindRevenue;
import com.engagementledger.billing.api.FindUnbilled;
import com.engagementledger.billing.api.ReconciliationView;
import com.engagementledger.billing.api.RevenueView;
import com.engagementledger.billing.api.UnbilledView;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.time.Today;
import com.engagementledger.platform.web.Gateways;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Component;

/**
 * The billing views as the API and the console both ask for them: the request's text parameters read (a day, a
 * month; today and this month in UTC from the application's clock when left out) and the query sent, so that a page
 * shows and a CSV download carries exactly what the API answers for the same parameters. Also the CSV file names.
 */
@Component
class BillingReports {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** The earliest day a report is asked for as of (no engagement is older). */
    static final LocalDate EARLIEST_AS_OF = LocalDate.of(2000, 1, 1);
    /** The longest revenue range: ten years of months. */
    static final int MAX_MONTHS = 120;

    private final Gateways gateways;
    private final Clock clock;

    BillingReports(Gateways gateways, Clock clock) {
        this.gateways = gateways;
        this.clock = clock;
    }

    AgingView aging(String asOf) {
        return gateways.query(new FindAging(date("asOf", asOf)), ResponseTypes.instanceOf(AgingView.class));
    }

    static String agingFileName(AgingView view) {
        return "aging-" + view.asOf() + ".csv";
    }

    UnbilledView unbilled(String asOf, int page, int size) {
        return gateways.query(new FindUnbilled(date("asOf", asOf), page, size),
                ResponseTypes.instanceOf(UnbilledView.class));
    }

    static String unbilledFileName(UnbilledView view) {
        return "unbilled-" + view.asOf() + ".csv";
    }

    ReconciliationView reconciliation(String engagementId, String period, int page, int size) {
        YearMonth month = period == null ? null : month("period", period);
        return gateways.query(new FindReconciliation(engagementId, month, page, size),
                        ResponseTypes.optionalInstanceOf(ReconciliationView.class))
                .orElseThrow(() -> RuleViolation.notFound("engagementId", "No engagement with id " + engagementId));
    }

    static String reconciliationFileName(String engagementId, String period) {
        return "reconciliation" + (engagementId == null ? "" : "-" + engagementId)
                + (period == null ? "" : "-" + period) + ".csv";
    }

    RevenueView revenue(String from, String to) {
        YearMonth last = to == null ? YearMonth.from(Today.in(clock, ZoneOffset.UTC)) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw RuleViolation.malformed("from", "from-after-to", "from: " + first + " is after to " + last);
        }
        if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            throw RuleViolation.malformed("to", "range-too-long", "to: at most " + MAX_MONTHS
                    + " months from from " + first);
        }
        return gateways.query(new FindRevenue(first, last), ResponseTypes.instanceOf(RevenueView.class));
    }

    static String revenueFileName(RevenueView view) {
        return "revenue-" + view.from() + "-" + view.to() + ".csv";
    }

    /**
     * A report's day: today (UTC, the application's clock) when left out; otherwise from {@link #EARLIEST_AS_OF} to
     * one year after today. The reports walk every month up to that day, so that a day far ahead (9999-12-31) ran
     * for 30 s and failed; one rule for the API and the console, refused (400, naming the field) with its bounds.
     */
    private LocalDate date(String name, String text) {
        LocalDate today = Today.in(clock, ZoneOffset.UTC);
        if (text == null) {
            return today;
        }
        LocalDate day = null;
        if (DATE.matcher(text).matches()) {
            try {
                day = LocalDate.parse(text, STRICT_DATE);
            } catch (DateTimeParseException e) {
                // falls through to the refusal below
            }
        }
        if (day == null) {
            throw RuleViolation.malformed(name, "date", name + ": must be an ISO-8601 date such as 2026-03-31");
        }
        LocalDate latest = today.plusYears(1);
        if (day.isBefore(EARLIEST_AS_OF) || day.isAfter(latest)) {
            throw RuleViolation.malformed(name, "date-range", name + ": must be a date from " + EARLIEST_AS_OF
                    + " to one year after today (" + latest + "), not " + day);
        }
        return day;
    }

    private static YearMonth month(String name, String text) {
        if (MONTH.matcher(text).matches()) {
            int number = Integer.parseInt(text.substring(5));
            if (number >= 1 && number <= 12) {
                return YearMonth.parse(text);
            }
        }
        throw RuleViolation.malformed(name, "month", name + ": must be a month YYYY-MM such as 2026-03");
    }
}
