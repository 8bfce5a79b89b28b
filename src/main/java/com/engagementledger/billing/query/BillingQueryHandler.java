package com.engagementledger.billing.query;

import com.engagementledger.billing.api.AgingView;
import com.engagementledger.billing.api.FindAging;
import com.engagementledger.billing.api.FindReconciliation;
import com.engagementledger.billing.api.FindRevenue;
import com.engagementledger.billing.api.FindUnbilled;
import com.engagementledger.billing.api.ReconciliationRow;
import com.engagementledger.billing.api.ReconciliationView;
import com.engagementledger.billing.api.RevenueView;
import com.engagementledger.billing.api.UnbilledRow;
import com.engagementledger.billing.api.UnbilledView;
import com.engagementledger.invoicing.api.BillingBases;
import com.engagementledger.invoicing.api.BillingBases.BillingParty;
import com.engagementledger.invoicing.api.BillingBasis;
import com.engagementledger.invoicing.api.InvoiceCalculation;
import com.engagementledger.invoicing.api.InvoiceCalculator;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.time.Today;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers finance's billing views (ADR 0034). Aging and revenue come from the billing read model alone; unbilled
 * work and reconciliation also price work with the {@link InvoiceCalculator} on the command side's billing basis
 * ({@link BillingBases}) as it stands now, the same lines a draft made now would have.
 */
@Component
public class BillingQueryHandler {

    /** The lines that bill work: what unbilled shows and what reconciliation expects of a period. */
    private static final Set<InvoiceLineKind> WORK = Set.of(InvoiceLineKind.SEAT_FEE, InvoiceLineKind.HOURS);

    static final String DIFFERENCE = "DIFFERENCE";
    static final String NOT_INVOICED = "NOT_INVOICED";

    private final BilledInvoiceReader invoices;
    private final MongoTemplate mongo;
    private final BillingBases bases;
    private final Clock clock;

    public BillingQueryHandler(BilledInvoiceReader invoices, MongoTemplate mongo, BillingBases bases, Clock clock) {
        this.invoices = invoices;
        this.mongo = mongo;
        this.bases = bases;
        this.clock = clock;
    }

    @QueryHandler
    public AgingView aging(FindAging query) {
        Receivables.Aging aging = new Receivables.Aging(query.asOf());
        invoices.issued(aging::add);
        return new AgingView(query.asOf(), aging.rows());
    }

    @QueryHandler
    public RevenueView revenue(FindRevenue query) {
        Receivables.Revenue revenue = new Receivables.Revenue(query.from(), query.to());
        invoices.issued(revenue::add);
        return new RevenueView(query.from().toString(), query.to().toString(), revenue.rows());
    }

    @QueryHandler
    public UnbilledView unbilled(FindUnbilled query) {
        long total = engagementCount();
        List<UnbilledRow> rows = new ArrayList<>();
        for (BillingEngagementDocument engagement : engagementPage(query.page(), query.size())) {
            bases.party(engagement.engagementId).ifPresent(party -> rows.addAll(unbilled(party, query.asOf())));
        }
        return new UnbilledView(query.asOf(), rows, query.page(), query.size(), total,
                totalPages(total, query.size()));
    }

    /**
     * The months from the engagement's first billed day up to {@code asOf} that no invoice issued by then (and not
     * voided by then) covers, each priced up to the earlier of its end and {@code asOf}: work lines only. A month such
     * an invoice covers has a row only for hours priced now beyond what the invoice billed for them: per seat and
     * rate, the amount now less the amount on the invoice, when more (hours approved after the month was invoiced).
     */
    List<UnbilledRow> unbilled(BillingParty party, LocalDate asOf) {
        if (party.firstBilledDay() == null || party.firstBilledDay().isAfter(asOf)) {
            return List.of();
        }
        LocalDate end = party.lastDay() != null && party.lastDay().isBefore(asOf) ? party.lastDay() : asOf;
        Map<String, List<String>> covering = new TreeMap<>();
        for (BilledInvoice invoice : invoices.issuedOf(party.engagementId())) {
            if (invoice.standingOn(asOf)) {
                covering.computeIfAbsent(invoice.period(), p -> new ArrayList<>()).add(invoice.invoiceId());
            }
        }
        Map<String, BilledHoursDocument> billedHours = covering.isEmpty() ? Map.of() : billedHoursOf(party);
        List<UnbilledRow> rows = new ArrayList<>();
        for (YearMonth month = YearMonth.from(party.firstBilledDay()); !month.isAfter(YearMonth.from(end));
             month = month.plusMonths(1)) {
            LocalDate to = month.atEndOfMonth().isBefore(end) ? month.atEndOfMonth() : end;
            Optional<BillingBasis> basis = bases.of(party.engagementId(), month.atDay(1), to);
            if (basis.isEmpty()) {
                continue;
            }
            InvoiceCalculation calculation = InvoiceCalculator.calculate(basis.get(), month.atDay(1), to);
            List<String> invoiceIds = covering.get(month.toString());
            Work work = invoiceIds == null ? work(calculation, party.currency())
                    : hoursBeyondBilled(calculation, invoiceIds, billedHours, party.currency());
            if (work.lines().isEmpty()) {
                continue;
            }
            LocalDate first = null;
            LocalDate last = null;
            for (InvoiceLine line : work.lines()) {
                first = first == null || line.from().isBefore(first) ? line.from() : first;
                last = last == null || line.to().isAfter(last) ? line.to() : last;
            }
            rows.add(new UnbilledRow(party.engagementId(), party.clientId(), party.currency(), month.toString(),
                    first, last, Receivables.scaled(work.amount(), party.currency())));
        }
        return rows;
    }

    /** Lines of unbilled work and what they come to. */
    private record Work(List<InvoiceLine> lines, BigDecimal amount) {
    }

    /** A month no invoice covers: its seat fee and hours lines. */
    private static Work work(InvoiceCalculation calculation, String currency) {
        List<InvoiceLine> lines = calculation.lines().stream().filter(line -> WORK.contains(line.kind())).toList();
        BigDecimal amount = Receivables.zero(currency);
        for (InvoiceLine line : lines) {
            amount = amount.add(line.amount());
        }
        return new Work(lines, amount);
    }

    /**
     * A month {@code invoiceIds} cover: per seat and rate, the hours lines priced now less what the invoices billed
     * for them, when more; the lines of those groups.
     */
    private static Work hoursBeyondBilled(InvoiceCalculation calculation, List<String> invoiceIds,
                                          Map<String, BilledHoursDocument> billedHours, String currency) {
        Map<List<Object>, BigDecimal> billed = new HashMap<>();
        for (String invoiceId : invoiceIds) {
            BilledHoursDocument doc = billedHours.get(invoiceId);
            for (BilledHours hours : doc == null ? List.<BilledHours>of() : doc.hours) {
                billed.merge(hoursKey(hours.seatId(), hours.unitPrice()), hours.amount(), BigDecimal::add);
            }
        }
        Map<List<Object>, List<InvoiceLine>> now = new LinkedHashMap<>();
        for (InvoiceLine line : calculation.lines()) {
            if (line.kind() == InvoiceLineKind.HOURS) {
                now.computeIfAbsent(hoursKey(line.seatId(), line.unitPrice()), key -> new ArrayList<>()).add(line);
            }
        }
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal amount = Receivables.zero(currency);
        for (Map.Entry<List<Object>, List<InvoiceLine>> group : now.entrySet()) {
            BigDecimal priced = Receivables.zero(currency);
            for (InvoiceLine line : group.getValue()) {
                priced = priced.add(line.amount());
            }
            BigDecimal beyond = priced.subtract(billed.getOrDefault(group.getKey(), BigDecimal.ZERO));
            if (beyond.signum() > 0) {
                amount = amount.add(beyond);
                lines.addAll(group.getValue());
            }
        }
        return new Work(lines, amount);
    }

    /** Groups hours lines by seat and rate; the rate by value, whatever its scale. */
    static List<Object> hoursKey(String seatId, BigDecimal unitPrice) {
        return Arrays.asList(seatId, unitPrice == null ? null : unitPrice.stripTrailingZeros());
    }

    private Map<String, BilledHoursDocument> billedHoursOf(BillingParty party) {
        Map<String, BilledHoursDocument> byInvoice = new HashMap<>();
        for (BilledHoursDocument doc : mongo.find(Query.query(Criteria.where("engagementId")
                .is(party.engagementId())), BilledHoursDocument.class)) {
            byInvoice.put(doc.invoiceId, doc);
        }
        return byInvoice;
    }

    /** Empty when the one engagement asked for is unknown. */
    @QueryHandler
    public Optional<ReconciliationView> reconciliation(FindReconciliation query) {
        if (query.engagementId() != null) {
            Optional<BillingParty> party = bases.party(query.engagementId());
            if (party.isEmpty()) {
                return Optional.empty();
            }
            List<ReconciliationRow> rows = reconciliation(party.get(), query.period());
            // one engagement is one page of one
            return Optional.of(new ReconciliationView(rows, 0, query.size(), 1, 1));
        }
        long total = engagementCount();
        List<ReconciliationRow> rows = new ArrayList<>();
        for (BillingEngagementDocument engagement : engagementPage(query.page(), query.size())) {
            bases.party(engagement.engagementId).ifPresent(party -> {
                YearMonth period = query.period() != null ? query.period()
                        : YearMonth.from(today(party)).minusMonths(1);
                rows.addAll(reconciliation(party, period));
            });
        }
        return Optional.of(new ReconciliationView(rows, query.page(), query.size(), total,
                totalPages(total, query.size())));
    }

    /**
     * The engagement's rows for {@code period}, or with none given for every month from its first billed one to the
     * last ended one. A month outside the engagement's billed months has a row only if an invoice was issued for it.
     */
    List<ReconciliationRow> reconciliation(BillingParty party, YearMonth period) {
        LocalDate today = today(party);
        Map<String, List<BilledInvoice>> issued = new TreeMap<>();
        for (BilledInvoice invoice : invoices.issuedOf(party.engagementId())) {
            if (!invoice.voided()) {
                issued.computeIfAbsent(invoice.period(), p -> new ArrayList<>()).add(invoice);
            }
        }
        TreeSet<YearMonth> billedMonths = new TreeSet<>();
        if (party.firstBilledDay() != null) {
            YearMonth last = YearMonth.from(today).minusMonths(1);
            if (period != null && period.isAfter(last)) {
                last = period;
            }
            if (party.lastDay() != null && YearMonth.from(party.lastDay()).isBefore(last)) {
                last = YearMonth.from(party.lastDay());
            }
            for (YearMonth month = YearMonth.from(party.firstBilledDay()); !month.isAfter(last);
                 month = month.plusMonths(1)) {
                billedMonths.add(month);
            }
        }
        TreeSet<YearMonth> periods = new TreeSet<>();
        if (period != null) {
            if (billedMonths.contains(period) || issued.containsKey(period.toString())) {
                periods.add(period);
            }
        } else {
            periods.addAll(billedMonths);
            issued.keySet().forEach(key -> periods.add(YearMonth.parse(key)));
        }
        List<ReconciliationRow> rows = new ArrayList<>();
        for (YearMonth month : periods) {
            rows.add(row(party, month, issued.getOrDefault(month.toString(), List.of()), today));
        }
        return rows;
    }

    private ReconciliationRow row(BillingParty party, YearMonth month, List<BilledInvoice> issued, LocalDate today) {
        String currency = party.currency();
        BigDecimal expected = Receivables.zero(currency);
        Optional<BillingBasis> basis = bases.of(party.engagementId(), month.atDay(1), month.atEndOfMonth());
        if (basis.isPresent()) {
            for (InvoiceLine line : InvoiceCalculator.calculate(basis.get(), month).lines()) {
                if (line.kind() != InvoiceLineKind.SERVICE_CREDIT) {
                    expected = expected.add(line.amount());
                }
            }
        }
        BigDecimal invoiced = Receivables.zero(currency);
        BigDecimal paid = Receivables.zero(currency);
        BigDecimal credited = Receivables.zero(currency);
        for (BilledInvoice invoice : issued) {
            // the credits an invoice carried belong to it, not to the month's work: expected as it was issued
            expected = expected.add(invoice.serviceCredits());
            invoiced = invoiced.add(invoice.total());
            paid = paid.add(invoice.netPaid());
            credited = credited.add(invoice.credited());
        }
        BigDecimal difference = expected.subtract(invoiced);
        String reason = null;
        if (issued.isEmpty()) {
            // nothing to bill and nothing billed is no omission
            reason = today.isAfter(month.atEndOfMonth()) && expected.signum() != 0 ? NOT_INVOICED : null;
        } else if (difference.signum() != 0) {
            reason = DIFFERENCE;
        }
        return new ReconciliationRow(party.engagementId(), month.toString(), currency,
                Receivables.scaled(expected, currency), Receivables.scaled(invoiced, currency),
                Receivables.scaled(paid, currency), Receivables.scaled(credited, currency),
                Receivables.scaled(invoiced.subtract(paid).subtract(credited), currency),
                Receivables.scaled(difference, currency), reason != null, reason);
    }

    private LocalDate today(BillingParty party) {
        return Today.in(clock, ZoneId.of(party.timeZone() == null ? "UTC" : party.timeZone()));
    }

    private long engagementCount() {
        return mongo.count(billable(), BillingEngagementDocument.class);
    }

    private List<BillingEngagementDocument> engagementPage(int page, int size) {
        Query query = billable().with(Sort.by("_id")).skip((long) page * size).limit(size);
        query.fields().include("_id");
        return mongo.find(query, BillingEngagementDocument.class);
    }

    private static Query billable() {
        return Query.query(Criteria.where("cancelled").ne(true));
    }

    private static int totalPages(long total, int size) {
        return (int) ((total + size - 1) / size);
    }

    /** Declares the two read models of the billing views, each run per aggregate. */
    @Configuration(proxyBeanMethods = false)
    static class BillingReadModels {
        @Bean
        ReadModel billingInvoicesReadModel() {
            return BilledInvoicesProjection.READ_MODEL;
        }

        @Bean
        ReadModel billingEngagementsReadModel() {
            return BillingEngagementsProjection.READ_MODEL;
        }
    }
}
