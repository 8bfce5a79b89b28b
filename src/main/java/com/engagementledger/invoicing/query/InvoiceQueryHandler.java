package com.engagementledger.invoicing.query;

import com.engagementledger.invoicing.api.FindInvoice;
import com.engagementledger.invoicing.api.FindInvoices;
import com.engagementledger.invoicing.api.InvoiceDispute;
import com.engagementledger.invoicing.api.InvoiceMovement;
import com.engagementledger.invoicing.api.InvoicePage;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceView;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.time.Today;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers invoice queries from the read model, as of today in each invoice's time zone: an issued or partially paid
 * invoice with a balance left is overdue from the day after its due date, without an event for it. Amounts come
 * back in the currency's minor unit (a payment of 100 EUR reads 100.00), never rounded.
 */
@Component
public class InvoiceQueryHandler {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("period"), Sort.Order.desc("draftedAt"),
            Sort.Order.asc("_id"));

    private final MongoTemplate mongo;
    private final Clock clock;

    public InvoiceQueryHandler(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @QueryHandler
    public Optional<InvoiceView> find(FindInvoice query) {
        return Optional.ofNullable(mongo.findById(query.invoiceId(), InvoiceDocument.class)).map(this::view);
    }

    @QueryHandler
    public InvoicePage list(FindInvoices query) {
        Criteria criteria = new Criteria();
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        if (query.clientId() != null) {
            criteria = criteria.and("clientId").is(query.clientId());
        }
        if (query.engagementId() != null) {
            criteria = criteria.and("engagementId").is(query.engagementId());
        }
        if (query.period() != null) {
            criteria = criteria.and("period").is(query.period());
        }
        long total = mongo.count(Query.query(criteria), InvoiceDocument.class);
        Query select = Query.query(criteria).with(NEWEST_FIRST)
                .skip((long) query.page() * query.size()).limit(query.size());
        List<InvoiceView> items = mongo.find(select, InvoiceDocument.class).stream().map(this::view).toList();
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new InvoicePage(items, query.page(), query.size(), total, pages);
    }

    private InvoiceView view(InvoiceDocument doc) {
        LocalDate today = Today.in(clock, ZoneId.of(doc.timeZone == null ? "UTC" : doc.timeZone));
        Currency currency = Currency.getInstance(doc.currency);
        DisputeDocument last = doc.disputes.isEmpty() ? null : doc.disputes.get(doc.disputes.size() - 1);
        return new InvoiceView(doc.invoiceId, doc.number, doc.engagementId, doc.clientId, doc.clientName,
                doc.period, doc.status, overdue(doc.status, doc.balance, doc.dueDate, today), doc.currency,
                doc.timeZone, doc.issueDate, doc.dueDate, doc.computedOn,
                doc.lines.stream().map(LineDocument::line).toList(),
                minor(doc.total, currency), minor(doc.paid, currency), minor(doc.refunded, currency),
                minor(doc.chargedBack, currency), minor(doc.credited, currency), minor(balance(doc), currency),
                doc.movements.stream().map(movement -> new InvoiceMovement(movement.kind(), movement.id(),
                        minor(movement.amount(), currency), movement.currency(), movement.date(),
                        movement.reference(), movement.reason(), minor(movement.balance(), currency))).toList(),
                last == null ? null : new InvoiceDispute(last.reason(), last.disputedOn(), last.resolution(),
                        last.resolvedOn()),
                last != null && last.resolvedOn() == null, doc.voidedOn, doc.voidReason, today, doc.version);
    }

    /**
     * A void invoice owes nothing (DESIGN.md §3), also when its document was projected before the projection zeroed
     * a void invoice's balance.
     */
    private static BigDecimal balance(InvoiceDocument doc) {
        return doc.status == InvoiceStatus.VOID ? InvoiceProjection.nothingOwed(doc.balance) : doc.balance;
    }

    /**
     * DESIGN.md §3: {@code OVERDUE} is derived after the due date, for an invoice that still asks for money (issued
     * or partially paid, a balance above zero), on {@code today} in its own zone.
     */
    static boolean overdue(InvoiceStatus status, BigDecimal balance, LocalDate dueDate, LocalDate today) {
        return (status == InvoiceStatus.ISSUED || status == InvoiceStatus.PARTIALLY_PAID)
                && balance != null && balance.signum() > 0 && dueDate != null && today.isAfter(dueDate);
    }

    /** The amount with the currency's minor digits when it has fewer (100 → 100.00 EUR); never rounded. */
    static BigDecimal minor(BigDecimal amount, Currency currency) {
        if (amount == null || amount.scale() >= currency.getDefaultFractionDigits()) {
            return amount;
        }
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    /** Declares the read model, so that the platform runs its projection on its own processor and token. */
    @Configuration(proxyBeanMethods = false)
    static class InvoiceReadModel {
        @Bean
        ReadModel invoicesReadModel() {
            return InvoiceProjection.READ_MODEL;
        }
    }
}
