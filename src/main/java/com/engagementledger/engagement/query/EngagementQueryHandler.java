package com.engagementledger.engagement.query;

import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementSummary;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.engagement.api.KeyDates;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.time.Today;
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
 * Answers engagement queries from the read model. Rates "current" and "scheduled" are worked out for today in each
 * engagement's time zone, so that a rate change shows as current from its effective day without a new event.
 */
@Component
public class EngagementQueryHandler {

    private final MongoTemplate mongo;
    private final Clock clock;

    public EngagementQueryHandler(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @QueryHandler
    public Optional<EngagementView> find(FindEngagement query) {
        return Optional.ofNullable(mongo.findById(query.engagementId(), EngagementDocument.class)).map(this::view);
    }

    @QueryHandler
    public EngagementPage list(FindEngagements query) {
        Criteria criteria = new Criteria();
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        if (query.clientId() != null) {
            criteria = criteria.and("clientId").is(query.clientId());
        }
        Query select = Query.query(criteria);
        long total = mongo.count(select, EngagementDocument.class);
        select.with(Sort.by(Sort.Order.desc("proposedOn"), Sort.Order.asc("_id")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        List<EngagementSummary> items = mongo.find(select, EngagementDocument.class).stream()
                .map(this::summary)
                .toList();
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new EngagementPage(items, query.page(), query.size(), total, pages);
    }

    private EngagementSummary summary(EngagementDocument doc) {
        LocalDate today = today(doc);
        int open = (int) doc.seats.stream().filter(seat -> heldOn(doc, seat, today)).count();
        return new EngagementSummary(doc.engagementId, doc.version, doc.clientId, doc.clientName, doc.roleTitle,
                doc.currency, doc.billingModel, doc.status, open, doc.proposedOn);
    }

    private EngagementView view(EngagementDocument doc) {
        LocalDate today = today(doc);
        List<SeatView> seats = doc.seats.stream().map(seat -> {
            RateSchedule schedule = new RateSchedule(seat.rates());
            return new SeatView(seat.seatId(), seat.professionalId(), seat.professionalName(), seat.startDate(),
                    seat.releaseDate(), heldOn(doc, seat, today),
                    schedule.rateOn(today).orElse(seat.rates().get(0).rate()),
                    schedule.scheduledAfter(today).stream().filter(step -> step.effectiveDate().isAfter(seat.startDate())).toList(),
                    seat.rates());
        }).toList();
        PauseDocument lastPause = doc.pauses.isEmpty() ? null : doc.pauses.get(doc.pauses.size() - 1);
        KeyDates dates = new KeyDates(doc.proposedOn, doc.trialStart, doc.trialLastDay, doc.trialDecidedOn,
                doc.activeFrom, lastPause == null || lastPause.until() != null ? null : lastPause.from(),
                lastPause == null ? null : lastPause.until(), doc.noticeDate, doc.lastDay, doc.endedOn,
                doc.cancelledOn);
        return new EngagementView(doc.engagementId, doc.version, doc.clientId, doc.clientName, doc.roleTitle,
                doc.currency, doc.billingModel, doc.status, doc.terms, seats, dates, today, doc.lastChangedAt);
    }

    private LocalDate today(EngagementDocument doc) {
        return Today.in(clock, ZoneId.of(doc.terms.timeZone()));
    }

    /**
     * Whether a professional works in the seat on {@code day}: the engagement runs and has started (its trial or its
     * activation), the day is in no pause and not after the last day, and the seat's dates cover it.
     */
    private static boolean heldOn(EngagementDocument doc, SeatDocument seat, LocalDate day) {
        LocalDate started = doc.activeFrom != null ? doc.activeFrom : doc.trialStart;
        boolean working = doc.status.isRunning() && started != null && !day.isBefore(started)
                && (doc.lastDay == null || !day.isAfter(doc.lastDay))
                && doc.pauses.stream().noneMatch(pause -> !day.isBefore(pause.from())
                        && (pause.until() == null || day.isBefore(pause.until())));
        return working && !day.isBefore(seat.startDate())
                && (seat.releaseDate() == null || day.isBefore(seat.releaseDate()));
    }

    /** Declares the read model, so that the platform runs its projection on its own processor and token. */
    @Configuration(proxyBeanMethods = false)
    static class EngagementReadModel {
        @Bean
        ReadModel engagementsReadModel() {
            return EngagementProjection.READ_MODEL;
        }
    }
}
