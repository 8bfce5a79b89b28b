package com.engagementledger.engagement.query;

import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementSummary;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.engagement.api.KeyDates;
import com.engagementledger.engagement.api.PausePeriod;
import com.engagementledger.engagement.api.SeatCalendar;
import com.engagementledger.engagement.api.SeatHolder;
import com.engagementledger.engagement.api.SeatHolderView;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.time.Today;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Answers engagement queries from the read model. Status, seats held, rates "current" and "scheduled" and pauses
 * are worked out for today in each engagement's time zone with the {@link SeatCalendar}, so that a rate change or a
 * pause shows from its effective day without a new event.
 */
@Component
public class EngagementQueryHandler {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("proposedAt"), Sort.Order.asc("_id"));

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
        boolean datedStatus = query.status() == EngagementStatus.ACTIVE || query.status() == EngagementStatus.PAUSED;
        if (datedStatus) {
            criteria = criteria.and("status").in(EngagementStatus.ACTIVE, EngagementStatus.PAUSED);
        } else if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        if (query.clientId() != null) {
            criteria = criteria.and("clientId").is(query.clientId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            // taken literally, any case: the words a person types, not a pattern
            String literal = java.util.regex.Pattern.quote(query.text().strip());
            criteria = criteria.orOperator(Criteria.where("clientName").regex(literal, "i"),
                    Criteria.where("roleTitle").regex(literal, "i"), Criteria.where("clientId").regex(literal, "i"));
        }
        Query select = Query.query(criteria).with(NEWEST_FIRST);
        List<EngagementSummary> items;
        long total;
        if (datedStatus) {
            // Whether an engagement is paused depends on today's date, which the stored status cannot know: decide
            // it on the few fields it takes, for every candidate, and read whole documents for the page only. (All
            // of them whole, mapped and summarised, made this list the costliest read of P4, issue 11.)
            Query statusOnly = Query.query(criteria).with(NEWEST_FIRST);
            statusOnly.fields().include("_id", "status", "pauses", "terms", "activeFrom", "trialStart", "lastDay",
                    "proposedAt");
            List<String> matching = mongo.find(statusOnly, EngagementDocument.class).stream()
                    .filter(doc -> statusOn(doc, calendar(doc), today(doc)) == query.status())
                    .map(doc -> doc.engagementId)
                    .toList();
            total = matching.size();
            List<String> page = matching.stream().skip((long) query.page() * query.size()).limit(query.size())
                    .toList();
            Map<String, EngagementDocument> byId = new HashMap<>();
            mongo.find(Query.query(Criteria.where("_id").in(page)), EngagementDocument.class)
                    .forEach(doc -> byId.put(doc.engagementId, doc));
            // one changed between the two reads is listed as it is now; one gone meanwhile (a rebuild) is left out
            items = page.stream().map(byId::get).filter(Objects::nonNull).map(this::summary).toList();
        } else {
            total = mongo.count(Query.query(criteria), EngagementDocument.class);
            select.skip((long) query.page() * query.size()).limit(query.size());
            items = mongo.find(select, EngagementDocument.class).stream().map(this::summary).toList();
        }
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new EngagementPage(items, query.page(), query.size(), total, pages);
    }

    private EngagementSummary summary(EngagementDocument doc) {
        LocalDate today = today(doc);
        SeatCalendar calendar = calendar(doc);
        return new EngagementSummary(doc.engagementId, doc.version, doc.clientId, doc.clientName, doc.roleTitle,
                doc.currency, doc.billingModel, statusOn(doc, calendar, today), calendar.billedOn(today).size(),
                doc.proposedOn);
    }

    private EngagementView view(EngagementDocument doc) {
        LocalDate today = today(doc);
        SeatCalendar calendar = calendar(doc);
        boolean dropped = doc.status == EngagementStatus.CANCELLED || doc.status == EngagementStatus.TRIAL_REJECTED;
        Map<String, String> openReplacements = new HashMap<>();
        doc.seats.stream().filter(seat -> seat.openReplacementId() != null)
                .forEach(seat -> openReplacements.put(seat.seatId(), seat.openReplacementId()));
        List<SeatView> seats = calendar.seats().stream().map(seat -> {
            SeatHolder holder = seat.holderOn(today);
            return new SeatView(seat.seatId(),
                    holder.professionalId(), holder.professionalName(), seat.startDate(),
                    firstBilledDay(calendar, seat), seat.releaseDate(), calendar.billedOn(seat, today),
                    seat.rates().rateOn(today).orElse(seat.rates().steps().get(0).rate()),
                    dropped ? List.of() : seat.rates().scheduledAfter(today).stream()
                            .filter(step -> step.effectiveDate().isAfter(seat.startDate()))
                            .filter(step -> seat.billableFrom(step.effectiveDate())).toList(),
                    seat.rates().steps().stream().filter(step -> seat.billableFrom(step.effectiveDate())).toList(),
                    holders(seat), seat.overlaps(), openReplacements.get(seat.seatId()));
        }).toList();
        PausePeriod current = calendar.pauses().stream().filter(pause -> pause.covers(today)).findFirst()
                .orElse(null);
        LocalDate resumedOn = calendar.pauses().stream().map(PausePeriod::until)
                .filter(until -> until != null && !until.isAfter(today))
                .max(Comparator.naturalOrder()).orElse(null);
        LocalDate scheduledPause = calendar.pauses().stream().map(PausePeriod::from)
                .filter(from -> from.isAfter(today)).findFirst().orElse(null);
        LocalDate scheduledResume = calendar.pauses().stream().map(PausePeriod::until)
                .filter(until -> until != null && until.isAfter(today)).findFirst().orElse(null);
        KeyDates dates = new KeyDates(doc.proposedOn, doc.trialStart, doc.trialLastDay, doc.trialDecidedOn,
                doc.activeFrom, current == null ? null : current.from(), resumedOn, doc.noticeDate, doc.lastDay,
                doc.endedOn, doc.cancelledOn, scheduledPause, scheduledResume);
        return new EngagementView(doc.engagementId, doc.version, doc.clientId, doc.clientName, doc.roleTitle,
                doc.currency, doc.billingModel, statusOn(doc, calendar, today), doc.terms, seats, dates, today,
                doc.ipExclusions == null ? List.of() : List.copyOf(doc.ipExclusions), doc.lastChangedAt);
    }

    /** Every holder of the seat with the last day each held it; the last holder's is open. */
    private static List<SeatHolderView> holders(CalendarSeat seat) {
        return seat.holders().stream().map(holder -> {
            LocalDate until = seat.heldUntil(holder);
            return new SeatHolderView(holder.professionalId(), holder.professionalName(), holder.from(),
                    until == null ? null : until.minusDays(1));
        }).toList();
    }

    /** The seat's first billed day: its start, or the engagement's first billed day if that is later. */
    private static LocalDate firstBilledDay(SeatCalendar calendar, CalendarSeat seat) {
        LocalDate engagement = calendar.firstBilledDay();
        return engagement == null ? null : engagement.isAfter(seat.startDate()) ? engagement : seat.startDate();
    }

    private LocalDate today(EngagementDocument doc) {
        return Today.in(clock, ZoneId.of(doc.terms.timeZone()));
    }

    /**
     * The engagement's billing calendar. Only an engagement that started and was not rejected has billed days: a
     * rejected trial's days are not billed, a proposal's or a cancelled one's never begin.
     */
    private static SeatCalendar calendar(EngagementDocument doc) {
        boolean billed = doc.status.isRunning() || doc.status == EngagementStatus.ENDED;
        LocalDate firstBilledDay = !billed ? null : doc.activeFrom != null ? doc.activeFrom : doc.trialStart;
        return new SeatCalendar(firstBilledDay, doc.lastDay,
                doc.seats.stream().map(SeatDocument::calendarSeat).toList(),
                doc.pauses.stream().map(pause -> new PausePeriod(pause.from(), pause.until())).toList());
    }

    /** ACTIVE and PAUSED as of {@code day}: a pause from a later day does not pause the engagement yet. */
    private static EngagementStatus statusOn(EngagementDocument doc, SeatCalendar calendar, LocalDate day) {
        if (doc.status == EngagementStatus.ACTIVE || doc.status == EngagementStatus.PAUSED) {
            return calendar.pausedOn(day) ? EngagementStatus.PAUSED : EngagementStatus.ACTIVE;
        }
        return doc.status;
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
