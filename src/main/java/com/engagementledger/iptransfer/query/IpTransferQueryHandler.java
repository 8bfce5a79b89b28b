package com.engagementledger.iptransfer.query;

import com.engagementledger.iptransfer.api.FindIpCertificate;
import com.engagementledger.iptransfer.api.FindIpLedger;
import com.engagementledger.iptransfer.api.FindIpTransfer;
import com.engagementledger.iptransfer.api.FindIpTransfers;
import com.engagementledger.iptransfer.api.IpCertificateView;
import com.engagementledger.iptransfer.api.IpLedgerRow;
import com.engagementledger.iptransfer.api.IpLedgerTotal;
import com.engagementledger.iptransfer.api.IpLedgerView;
import com.engagementledger.iptransfer.api.IpTransferPage;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.iptransfer.api.IpTransferView;
import com.engagementledger.platform.axon.ReadModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers the IP ledger's queries from the read model: one transfer, a page of them newest period first, a
 * certificate exactly as issued with where the transfer stands now beside it, and the ledger summed up per client,
 * engagement and currency. Amounts come back with their currency's minor digits, never rounded.
 */
@Component
public class IpTransferQueryHandler {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("period"), Sort.Order.desc("issueDate"),
            Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    public IpTransferQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public Optional<IpTransferView> find(FindIpTransfer query) {
        return Optional.ofNullable(mongo.findById(query.ipTransferId(), IpTransferDocument.class))
                .map(IpTransferQueryHandler::view);
    }

    @QueryHandler
    public IpTransferPage list(FindIpTransfers query) {
        Criteria criteria = filter(query.clientId(), query.engagementId());
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        long total = mongo.count(Query.query(criteria), IpTransferDocument.class);
        Query select = Query.query(criteria).with(NEWEST_FIRST)
                .skip((long) query.page() * query.size()).limit(query.size());
        List<IpTransferView> items = mongo.find(select, IpTransferDocument.class).stream()
                .map(IpTransferQueryHandler::view).toList();
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new IpTransferPage(items, query.page(), query.size(), total, pages);
    }

    /** Empty for an unknown transfer and for one not (yet) assigned: the web side tells the two apart. */
    @QueryHandler
    public Optional<IpCertificateView> certificate(FindIpCertificate query) {
        return Optional.ofNullable(mongo.findById(query.ipTransferId(), IpTransferDocument.class))
                .filter(doc -> doc.certificate != null)
                .map(doc -> new IpCertificateView(doc.certificate, doc.sha256, doc.status,
                        contest(doc), doc.voidReason));
    }

    @QueryHandler
    public IpLedgerView ledger(FindIpLedger query) {
        List<IpTransferDocument> docs = mongo.find(Query.query(filter(query.clientId(), query.engagementId())),
                IpTransferDocument.class);
        Map<String, List<IpTransferDocument>> byRow = new TreeMap<>();
        for (IpTransferDocument doc : docs) {
            byRow.computeIfAbsent(String.join("\u0000", nullToEmpty(doc.clientId), nullToEmpty(doc.engagementId),
                    nullToEmpty(doc.currency)), key -> new ArrayList<>()).add(doc);
        }
        List<IpLedgerRow> rows = new ArrayList<>();
        Map<String, BigDecimal> remainingByCurrency = new TreeMap<>();
        Map<String, BigDecimal> shortfallByCurrency = new TreeMap<>();
        Map<String, Integer> transfersByCurrency = new TreeMap<>();
        for (List<IpTransferDocument> transfers : byRow.values()) {
            transfers.sort(Comparator.comparing((IpTransferDocument doc) -> nullToEmpty(doc.period))
                    .thenComparing(doc -> doc.ipTransferId));
            IpTransferDocument any = transfers.get(0);
            Currency currency = Currency.getInstance(any.currency);
            Map<IpTransferStatus, List<String>> periods = new EnumMap<>(IpTransferStatus.class);
            for (IpTransferStatus status : IpTransferStatus.values()) {
                periods.put(status, new ArrayList<>());
            }
            BigDecimal remaining = BigDecimal.ZERO;
            BigDecimal contestedShortfall = BigDecimal.ZERO;
            for (IpTransferDocument doc : transfers) {
                periods.get(doc.status).add(doc.period);
                if (doc.certificate == null && doc.status != IpTransferStatus.VOIDED) {
                    remaining = remaining.add(remaining(doc));
                }
                if (doc.contest != null && doc.contest.resolvedAt() == null) {
                    contestedShortfall = contestedShortfall.add(remaining(doc));
                }
            }
            remaining = minor(remaining, currency);
            contestedShortfall = minor(contestedShortfall, currency);
            rows.add(new IpLedgerRow(any.clientId, any.clientName, any.engagementId, any.currency,
                    periods.get(IpTransferStatus.ASSIGNED), periods.get(IpTransferStatus.PARTIALLY_ASSIGNED),
                    periods.get(IpTransferStatus.PENDING), periods.get(IpTransferStatus.SUSPENDED),
                    periods.get(IpTransferStatus.CONTESTED), periods.get(IpTransferStatus.VOIDED), remaining,
                    contestedShortfall));
            remainingByCurrency.merge(any.currency, remaining, BigDecimal::add);
            shortfallByCurrency.merge(any.currency, contestedShortfall, BigDecimal::add);
            transfersByCurrency.merge(any.currency, transfers.size(), Integer::sum);
        }
        List<IpLedgerTotal> totals = remainingByCurrency.entrySet().stream()
                .map(total -> new IpLedgerTotal(total.getKey(), transfersByCurrency.get(total.getKey()),
                        total.getValue(), shortfallByCurrency.get(total.getKey())))
                .toList();
        return new IpLedgerView(query.clientId(), query.engagementId(), rows, totals);
    }

    private static Criteria filter(String clientId, String engagementId) {
        Criteria criteria = new Criteria();
        if (clientId != null) {
            criteria = criteria.and("clientId").is(clientId);
        }
        if (engagementId != null) {
            criteria = criteria.and("engagementId").is(engagementId);
        }
        return criteria;
    }

    static IpTransferView view(IpTransferDocument doc) {
        Currency currency = Currency.getInstance(doc.currency);
        return new IpTransferView(doc.ipTransferId, doc.invoiceId, doc.invoiceNumber, doc.engagementId,
                doc.clientId, doc.clientName, doc.period, doc.status, doc.trigger, doc.currency, doc.issueDate,
                minor(doc.total, currency), doc.paidShare, minor(doc.amountDue, currency),
                minor(doc.amountPaid, currency), minor(remaining(doc), currency), doc.assignedAt, doc.sha256,
                doc.exclusions == null ? List.of() : doc.exclusions, contest(doc),
                doc.suspension == null ? null : new IpTransferView.Suspension(doc.suspension.reason(),
                        doc.suspension.since()),
                doc.voidReason, doc.version);
    }

    /**
     * What the client still owes for the deliverables, max(0, amountDue − amountPaid), whatever the status (ADR
     * 0035): before assignment what remains to be paid for it, after a contest the shortfall; as the transfer's last
     * event said.
     */
    private static BigDecimal remaining(IpTransferDocument doc) {
        return doc.remaining == null ? BigDecimal.ZERO : doc.remaining;
    }

    private static IpTransferView.Contest contest(IpTransferDocument doc) {
        ContestDocument contest = doc.contest;
        if (contest == null) {
            return null;
        }
        Currency currency = Currency.getInstance(doc.currency);
        return new IpTransferView.Contest(contest.resolvedAt() == null, contest.kind(), contest.movementId(),
                minor(contest.shortfall(), currency), contest.contestedAt(), contest.resolution(), contest.reason(),
                contest.resolvedAt());
    }

    /** The amount with the currency's minor digits when it has fewer (100 → 100.00 EUR); never rounded. */
    static BigDecimal minor(BigDecimal amount, Currency currency) {
        if (amount == null || amount.scale() >= currency.getDefaultFractionDigits()) {
            return amount;
        }
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Declares the read model, so that the platform runs its projection on its own processor and token. */
    @Configuration(proxyBeanMethods = false)
    static class IpTransferReadModel {
        @Bean
        ReadModel ipTransfersReadModel() {
            return IpTransferProjection.READ_MODEL;
        }
    }
}
