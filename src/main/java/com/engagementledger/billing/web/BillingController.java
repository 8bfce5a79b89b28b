package com.engagementledger.billing.web;

import com.engagementledger.billing.api.AgingRow;
import com.engagementledger.billing.api.AgingView;
import com.engagementledger.billing.api.ReconciliationRow;
import com.engagementledger.billing.api.ReconciliationView;
import com.engagementledger.billing.api.RevenueRow;
import com.engagementledger.billing.api.RevenueView;
import com.engagementledger.billing.api.UnbilledRow;
import com.engagementledger.billing.api.UnbilledView;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.ResourceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's billing views over HTTP (DESIGN.md §5, ADR 0034), read-only: AR aging, unbilled work, reconciliation and
 * revenue, as JSON or, with an {@code Accept} header preferring {@code text/csv} by quality, as CSV
 * ({@link BillingCsv}). Every amount is of one currency;
 * no row adds currencies. Read-only, and like every read of the application open to every role (ADR 0034): finance
 * works with them, auditors read everything, account managers approve the hours that unbilled work prices and can
 * read each invoice anyway; there is nothing to change here.
 */
@RestController
@RequestMapping("/api/billing")
@Validated
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Billing views", description = "Finance's views of billing: accounts receivable aging, unbilled work,"
        + " reconciliation of expected against invoiced, paid and credited, and revenue by month; JSON or CSV.")
public class BillingController {

    private static final String JSON = "application/json";

    private final BillingReports reports;

    BillingController(BillingReports reports) {
        this.reports = reports;
    }

    @GetMapping(value = "/aging", produces = {JSON, BillingCsv.MEDIA_TYPE})
    @Operation(summary = "Accounts receivable aging",
            description = "What each client owed in each currency at the end of asOf, by days past the due date:"
                    + " current (not yet due, the due date included), 1-30, 31-60, 61-90 and over 90 days. Counts"
                    + " the invoices issued on or before asOf and not voided by then, each with its balance from"
                    + " the payments, refunds, chargebacks and credit notes dated on or before asOf. A client and"
                    + " currency owing nothing has no row. With Accept text/csv the rows as CSV with a header row.")
    public AgingView aging(
            @Parameter(description = "the day (ISO-8601 date); today (UTC) when left out", example = "2026-03-31")
            @RequestParam(required = false) @Size(max = 10) String asOf,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        AgingView view = reports.aging(asOf);
        if (BillingCsv.wanted(accept)) {
            BillingCsv.write(response, BillingReports.agingFileName(view), AgingRow.class, view.rows());
            return null;
        }
        return json(response, view);
    }

    @GetMapping(value = "/unbilled", produces = {JSON, BillingCsv.MEDIA_TYPE})
    @Operation(summary = "Unbilled work",
            description = "Per engagement and month from its first billed day up to asOf that no invoice issued"
                    + " on or before asOf (and not voided by then) covers: the billable seat days and approved hours"
                    + " (seat fee and hours lines, no credits) up to the earlier of the month's end and asOf, priced"
                    + " as a draft made now would price them; from and to are the first and last day with work. A"
                    + " month an invoice covers has a row only for hours approved after it was invoiced: per seat and"
                    + " rate, the hours priced now beyond what the invoice billed. A page of engagements (by id) at a"
                    + " time. With Accept text/csv (preferred by quality) the page's rows as CSV.")
    public UnbilledView unbilled(
            @Parameter(description = "the day (ISO-8601 date); today (UTC) when left out", example = "2026-03-31")
            @RequestParam(required = false) @Size(max = 10) String asOf,
            @Parameter(description = "the page of engagements, from 0") @RequestParam(defaultValue = "0") @Min(0)
            @Max(100_000) int page,
            @Parameter(description = "engagements per page") @RequestParam(defaultValue = "50") @Min(1) @Max(200)
            int size,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        UnbilledView view = reports.unbilled(asOf, page, size);
        if (BillingCsv.wanted(accept)) {
            BillingCsv.write(response, BillingReports.unbilledFileName(view), UnbilledRow.class, view.rows());
            return null;
        }
        return json(response, view);
    }

    @GetMapping(value = "/reconciliation", produces = {JSON, BillingCsv.MEDIA_TYPE})
    @Operation(summary = "Reconciliation per engagement and period",
            description = "expected: the month's seat fee, hours, trial and overlap lines as the terms, seats and"
                    + " timesheets give them now, plus the service credits its issued invoice carried; invoiced:"
                    + " the totals of its issued, not voided invoices; paid: payments less refunds and chargebacks;"
                    + " credited: credit notes; outstanding = invoiced - paid - credited; difference = expected -"
                    + " invoiced. flagged when an invoiced month differs (flagReason DIFFERENCE) or an ended month"
                    + " with something expected has no issued invoice (NOT_INVOICED). With engagementId and no period: every month from"
                    + " its first billed one to the last ended one; without engagementId: a page of engagements"
                    + " (by id) for period, by default each one's last ended month. With Accept text/csv the rows"
                    + " as CSV.")
    public ReconciliationView reconciliation(
            @Parameter(description = "one engagement; every engagement, a page at a time, when left out")
            @RequestParam(required = false) @ResourceId String engagementId,
            @Parameter(description = "the month (YYYY-MM)", example = "2026-02")
            @RequestParam(required = false) @Size(max = 7) String period,
            @Parameter(description = "the page of engagements, from 0 (without engagementId)")
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "engagements per page (without engagementId)")
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        ReconciliationView view = reports.reconciliation(engagementId, period, page, size);
        if (BillingCsv.wanted(accept)) {
            BillingCsv.write(response, BillingReports.reconciliationFileName(engagementId, period),
                    ReconciliationRow.class, view.rows());
            return null;
        }
        return json(response, view);
    }

    @GetMapping(value = "/revenue", produces = {JSON, BillingCsv.MEDIA_TYPE})
    @Operation(summary = "Revenue by month and currency",
            description = "For every month from from to to (both included) and every currency with something in"
                    + " them: invoiced, the totals of the invoices issued that month; collected, the payments less"
                    + " refunds and chargebacks dated that month; credited, the credit notes dated that month. A"
                    + " voided invoice counts as never invoiced: in no column. At most 120 months. With"
                    + " Accept text/csv the rows as CSV.")
    public RevenueView revenue(
            @Parameter(description = "the first month (YYYY-MM); 11 months before to when left out",
                    example = "2026-01")
            @RequestParam(required = false) @Size(max = 7) String from,
            @Parameter(description = "the last month (YYYY-MM); this month (UTC) when left out", example = "2026-03")
            @RequestParam(required = false) @Size(max = 7) String to,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        RevenueView view = reports.revenue(from, to);
        if (BillingCsv.wanted(accept)) {
            BillingCsv.write(response, BillingReports.revenueFileName(view), RevenueRow.class, view.rows());
            return null;
        }
        return json(response, view);
    }

    /**
     * The view as JSON, also when the Accept header names CSV first at the same quality: the content type set here
     * keeps Spring's own negotiation from choosing CSV, which only {@link BillingCsv} writes.
     */
    private static <V> V json(HttpServletResponse response, V view) {
        response.setContentType(JSON);
        return view;
    }
}
