package com.engagementledger.replacement.query;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.time.Today;
import com.engagementledger.replacement.api.CandidateView;
import com.engagementledger.replacement.api.FindReplacement;
import com.engagementledger.replacement.api.FindReplacements;
import com.engagementledger.replacement.api.ReplacementPage;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementView;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import com.engagementledger.replacement.api.SlaClock;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Answers replacement queries from the read model, as of today in each replacement's time zone: an accepted
 * candidate's replacement is in its {@code OVERLAP} from the overlap's first day, and a missed SLA's days late
 * count up to today until the SLA stops ({@link SlaClock}), without an event for either.
 */
@Component
public class ReplacementQueryHandler {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SlaClock sla;

    public ReplacementQueryHandler(MongoTemplate mongo, Clock clock, BusinessDays businessDays) {
        this.mongo = mongo;
        this.clock = clock;
        this.sla = new SlaClock(businessDays);
    }

    @QueryHandler
    public Optional<ReplacementView> find(FindReplacement query) {
        return Optional.ofNullable(mongo.findById(query.replacementId(), ReplacementDocument.class))
                .map(this::view);
    }

    @QueryHandler
    public ReplacementPage list(FindReplacements query) {
        Criteria criteria = new Criteria();
        if (query.engagementId() != null) {
            criteria = criteria.and("engagementId").is(query.engagementId());
        }
        boolean dated = query.status() == ReplacementStatus.CANDIDATE_ACCEPTED
                || query.status() == ReplacementStatus.OVERLAP;
        if (dated) {
            // both are recorded as CANDIDATE_ACCEPTED: which one it is depends on today's date
            criteria = criteria.and("status").is(ReplacementStatus.CANDIDATE_ACCEPTED);
        } else if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        Query select = Query.query(criteria).with(NEWEST_FIRST);
        List<ReplacementView> items;
        long total;
        if (dated) {
            List<ReplacementView> matching = mongo.find(select, ReplacementDocument.class).stream()
                    .map(this::view)
                    .filter(view -> view.status() == query.status())
                    .toList();
            total = matching.size();
            items = matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        } else {
            total = mongo.count(Query.query(criteria), ReplacementDocument.class);
            select.skip((long) query.page() * query.size()).limit(query.size());
            items = mongo.find(select, ReplacementDocument.class).stream().map(this::view).toList();
        }
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new ReplacementPage(items, query.page(), query.size(), total, pages);
    }

    private ReplacementView view(ReplacementDocument doc) {
        LocalDate today = Today.in(clock, ZoneId.of(doc.timeZone));
        LocalDate slaStoppedOn = doc.acceptedOn != null ? doc.acceptedOn : doc.withdrawnOn;
        ServiceCreditGranted granted = doc.creditAmount == null ? null
                : new ServiceCreditGranted(doc.replacementId, doc.engagementId, doc.seatId, doc.creditDaysLate,
                doc.creditAmount, doc.currency, doc.creditGrantedOn);
        return new ReplacementView(doc.replacementId, doc.engagementId, doc.seatId, doc.reason, doc.note,
                SlaClock.statusOn(doc.status, doc.overlapFrom, today), doc.eligibility, doc.eligibilityReason,
                doc.requestedOn, doc.slaDueDate,
                doc.candidates.stream().map(candidate -> new CandidateView(candidate.candidateId(),
                        candidate.professionalId(), candidate.professionalName(), candidate.status(),
                        candidate.rejectionReason())).toList(),
                doc.outgoingProfessionalId, doc.outgoingProfessionalName, doc.overlapFrom, doc.overlapTo,
                doc.completedOn, doc.withdrawnOn,
                sla.breach(new SlaClock.Terms(doc.eligibility, doc.slaDueDate, doc.billingModel, doc.seatRate,
                        doc.currency), slaStoppedOn, today, doc.slaBreachedOn, granted),
                today, doc.version);
    }

    /** Declares the read model, so that the platform runs its projection on its own processor and token. */
    @Configuration(proxyBeanMethods = false)
    static class ReplacementReadModel {
        @Bean
        ReadModel replacementsReadModel() {
            return ReplacementProjection.READ_MODEL;
        }
    }
}
