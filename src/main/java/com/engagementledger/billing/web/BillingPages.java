package com.engagementledger.billing.web;

import com.engagementledger.billing.api.AgingRow;
import com.engagementledger.billing.api.AgingView;
import com.engagementledger.billing.api.ReconciliationRow;
import com.engagementledger.billing.api.ReconciliationView;
import com.engagementledger.billing.api.RevenueRow;
import com.engagementledger.billing.api.RevenueView;
import com.engagementledger.billing.api.UnbilledRow;
import com.engagementledger.billing.api.UnbilledView;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementSummary;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.Amounts;
import com.engagementledger.platform.web.BrowserPages;
import com.engagementledger.platform.web.Gateways;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finance's billing pages (issue 10, ADR 0041): AR aging and revenue by month as charts, one chart per currency
 * (amounts of different currencies are never added or drawn on one axis), each with the same figures as a table;
 * unbilled work; the reconciliation with its flagged rows marked in words as well as colour; and each view as CSV,
 * the API's own ({@link BillingCsv}). The figures come from {@link BillingReports}, the API's parameters and
 * queries, so that a page shows what the API answers. The charts are drawn by a static script
 * ({@code /finance-charts.js}, ECharts from its WebJar) from JSON in a {@code data-chart} attribute: the console's
 * Content-Security-Policy allows no inline script. Read-only and open to the roles the billing API admits.
 */
@Controller
@BrowserPages
@Hidden
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
public class BillingPages {

    static final int UNBILLED_ENGAGEMENTS = 50;
    static final int RECONCILIATION_ENGAGEMENTS = 50;
    /** The report page's filters, as the API names them (and its refusals of them). */
    private static final Set<String> FILTER_FIELDS = Set.of("asOf", "from", "to");
    private static final List<String> BUCKETS = List.of("Current", "1–30 days", "31–60 days", "61–90 days",
            "Over 90 days");

    private final BillingReports reports;
    private final Gateways gateways;
    private final ObjectMapper json;

    public BillingPages(BillingReports reports, Gateways gateways, ObjectMapper json) {
        this.reports = reports;
        this.gateways = gateways;
        this.json = json;
    }

    @ModelAttribute("amounts")
    public Amounts amounts() {
        return Amounts.TEXT;
    }

    /** One chart's data: categories on the x axis, a series (named values, one per category) per bar. */
    record Chart(String title, String currency, boolean stacked, List<String> categories, List<Series> series) {
    }

    record Series(String name, List<BigDecimal> data) {
    }

    /** The figures of one currency: its aging rows and revenue rows, with each one's chart as JSON. */
    record CurrencyFigures(String currency, List<AgingRow> aging, AgingRow agingTotal, String agingChart,
                           List<RevenueRow> revenue, String revenueChart) {
    }

    @GetMapping("/billing")
    public String billing(@RequestParam(required = false) String asOf, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        String day = given(asOf);
        String first = given(from);
        String last = given(to);
        model.addAttribute("asOf", day == null ? "" : day);
        model.addAttribute("from", first == null ? "" : first);
        model.addAttribute("to", last == null ? "" : last);
        model.addAttribute("fieldErrors", Map.of());
        AgingView aging;
        RevenueView revenue;
        UnbilledView unbilled;
        try {
            aging = reports.aging(day);
            revenue = reports.revenue(first, last);
            unbilled = reports.unbilled(day, 0, UNBILLED_ENGAGEMENTS);
        } catch (RuleViolation violation) {
            if (!FILTER_FIELDS.contains(violation.field())) {
                throw violation;
            }
            // the API's refusal of a day or month, next to its field; no figures for what could not be read
            model.addAttribute("fieldErrors", Map.of(violation.field(), violation.getMessage()));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "billing/index";
        }
        TreeSet<String> currencies = new TreeSet<>();
        aging.rows().forEach(row -> currencies.add(row.currency()));
        revenue.rows().forEach(row -> currencies.add(row.currency()));
        List<CurrencyFigures> figures = new ArrayList<>();
        for (String currency : currencies) {
            List<AgingRow> agingRows = aging.rows().stream().filter(row -> row.currency().equals(currency)).toList();
            List<RevenueRow> revenueRows = revenue.rows().stream().filter(row -> row.currency().equals(currency))
                    .toList();
            figures.add(new CurrencyFigures(currency, agingRows, agingTotal(currency, agingRows),
                    agingRows.isEmpty() ? null : toJson(agingChart(currency, agingRows)),
                    revenueRows, revenueRows.isEmpty() ? null : toJson(revenueChart(currency, revenueRows))));
        }
        // the fields show what the figures are of
        model.addAttribute("asOf", aging.asOf().toString());
        model.addAttribute("from", revenue.from());
        model.addAttribute("to", revenue.to());
        model.addAttribute("aging", aging);
        model.addAttribute("revenue", revenue);
        model.addAttribute("figures", figures);
        model.addAttribute("unbilled", unbilled);
        model.addAttribute("clients", clientNames());
        return "billing/index";
    }

    @GetMapping("/billing/reconciliation")
    public String reconciliation(@RequestParam(required = false) String engagementId,
                                 @RequestParam(required = false) String period,
                                 @RequestParam(defaultValue = "0") String page, Model model,
                                 HttpServletResponse response) {
        String engagement = given(engagementId);
        String month = given(period);
        model.addAttribute("engagementId", engagement == null ? "" : engagement);
        model.addAttribute("period", month == null ? "" : month);
        model.addAttribute("engagements", engagementNames());
        model.addAttribute("periodError", null);
        ReconciliationView view;
        try {
            view = reports.reconciliation(engagement, month, pageNumber(page), RECONCILIATION_ENGAGEMENTS);
        } catch (RuleViolation violation) {
            if (!"period".equals(violation.field())) {
                throw violation;
            }
            model.addAttribute("periodError", violation.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "billing/reconciliation";
        }
        model.addAttribute("reconciliation", view);
        model.addAttribute("flaggedCount", view.rows().stream().filter(ReconciliationRow::flagged).count());
        return "billing/reconciliation";
    }

    @GetMapping("/billing/aging.csv")
    public void agingCsv(@RequestParam(required = false) String asOf, HttpServletResponse response)
            throws IOException {
        AgingView view = reports.aging(given(asOf));
        BillingCsv.write(response, BillingReports.agingFileName(view), AgingRow.class, view.rows());
    }

    @GetMapping("/billing/revenue.csv")
    public void revenueCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           HttpServletResponse response) throws IOException {
        RevenueView view = reports.revenue(given(from), given(to));
        BillingCsv.write(response, BillingReports.revenueFileName(view), RevenueRow.class, view.rows());
    }

    @GetMapping("/billing/unbilled.csv")
    public void unbilledCsv(@RequestParam(required = false) String asOf, HttpServletResponse response)
            throws IOException {
        UnbilledView view = reports.unbilled(given(asOf), 0, UNBILLED_ENGAGEMENTS);
        BillingCsv.write(response, BillingReports.unbilledFileName(view), UnbilledRow.class, view.rows());
    }

    @GetMapping("/billing/reconciliation.csv")
    public void reconciliationCsv(@RequestParam(required = false) String engagementId,
                                  @RequestParam(required = false) String period,
                                  @RequestParam(defaultValue = "0") String page, HttpServletResponse response)
            throws IOException {
        String engagement = given(engagementId);
        String month = given(period);
        ReconciliationView view = reports.reconciliation(engagement, month, pageNumber(page),
                RECONCILIATION_ENGAGEMENTS);
        BillingCsv.write(response, BillingReports.reconciliationFileName(engagement, month), ReconciliationRow.class,
                view.rows());
    }

    /** A filter's value as given, or null when left empty. */
    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int pageNumber(String page) {
        return page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
    }

    /** The aging of one currency: a bar per bucket, stacked by client. */
    private static Chart agingChart(String currency, List<AgingRow> rows) {
        List<Series> series = rows.stream().map(row -> new Series(row.clientName(), List.of(row.current(),
                row.days1to30(), row.days31to60(), row.days61to90(), row.over90()))).toList();
        return new Chart("Receivables by days past due, " + currency, currency, true, BUCKETS, series);
    }

    /** The column totals of one currency's aging rows (a sum within one currency only). */
    private static AgingRow agingTotal(String currency, List<AgingRow> rows) {
        return new AgingRow(null, "All clients", currency, sum(rows, AgingRow::current), sum(rows, AgingRow::days1to30),
                sum(rows, AgingRow::days31to60), sum(rows, AgingRow::days61to90), sum(rows, AgingRow::over90),
                sum(rows, AgingRow::total));
    }

    private static BigDecimal sum(List<AgingRow> rows, Function<AgingRow, BigDecimal> column) {
        return rows.stream().map(column).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Revenue of one currency: invoiced, collected and credited side by side per month. */
    private static Chart revenueChart(String currency, List<RevenueRow> rows) {
        List<String> months = rows.stream().map(RevenueRow::month).toList();
        return new Chart("Revenue by month, " + currency, currency, false, months, List.of(
                new Series("Invoiced", rows.stream().map(RevenueRow::invoiced).toList()),
                new Series("Collected", rows.stream().map(RevenueRow::collected).toList()),
                new Series("Credited", rows.stream().map(RevenueRow::credited).toList())));
    }

    private String toJson(Chart chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chart " + chart.title(), e);
        }
    }

    private List<EngagementSummary> engagements() {
        return gateways.query(new FindEngagements(null, null, null, 0, 200),
                ResponseTypes.instanceOf(EngagementPage.class)).items();
    }

    /** Engagement id to "client · role", for the rows that name an engagement only by id. */
    private Map<String, String> engagementNames() {
        return engagements().stream().collect(Collectors.toMap(EngagementSummary::engagementId,
                e -> e.clientName() + " · " + e.roleTitle(), (a, b) -> a, LinkedHashMap::new));
    }

    /** Client id to client name, for the unbilled rows. */
    private Map<String, String> clientNames() {
        return engagements().stream().collect(Collectors.toMap(EngagementSummary::clientId,
                EngagementSummary::clientName, (a, b) -> a, LinkedHashMap::new));
    }
}
