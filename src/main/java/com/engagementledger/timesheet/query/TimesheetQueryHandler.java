package com.engagementledger.timesheet.query;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.timesheet.api.FindTimesheet;
import com.engagementledger.timesheet.api.FindTimesheets;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.TimesheetCorrectionView;
import com.engagementledger.timesheet.api.TimesheetPage;
import com.engagementledger.timesheet.api.TimesheetView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
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
 * Answers timesheet queries from the read model: newest week first, then by engagement and seat, filtered by
 * engagement, week and status, a page at a time. Every day of the week is shown, 0 where no hours were recorded.
 */
@Component
public class TimesheetQueryHandler {

    private static final Sort NEWEST_WEEK_FIRST = Sort.by(Sort.Order.desc("week"), Sort.Order.asc("engagementId"),
            Sort.Order.asc("seatId"), Sort.Order.asc("_id"));
    private static final BigDecimal NONE = new BigDecimal("0.00");

    private final MongoTemplate mongo;

    public TimesheetQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public Optional<TimesheetView> find(FindTimesheet query) {
        return Optional.ofNullable(mongo.findById(query.timesheetId(), TimesheetDocument.class)).map(this::view);
    }

    @QueryHandler
    public TimesheetPage list(FindTimesheets query) {
        Criteria criteria = new Criteria();
        if (query.engagementId() != null) {
            criteria = criteria.and("engagementId").is(query.engagementId());
        }
        if (query.week() != null) {
            criteria = criteria.and("week").is(query.week());
        }
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        long total = mongo.count(Query.query(criteria), TimesheetDocument.class);
        Query select = Query.query(criteria).with(NEWEST_WEEK_FIRST)
                .skip((long) query.page() * query.size()).limit(query.size());
        List<TimesheetView> items = mongo.find(select, TimesheetDocument.class).stream().map(this::view).toList();
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new TimesheetPage(items, query.page(), query.size(), total, pages);
    }

    private TimesheetView view(TimesheetDocument doc) {
        IsoWeek week = IsoWeek.parse("week", doc.week);
        return new TimesheetView(doc.timesheetId, doc.engagementId, doc.seatId, doc.week, doc.status,
                everyDay(week, doc.hours), doc.totalHours, doc.submittedAt, doc.submission, doc.autoApprovalOn,
                doc.decidedAt, doc.approvedOn, doc.approvedAutomatically, doc.disputeReason,
                doc.corrections.stream().map(correction -> new TimesheetCorrectionView(correction.correctedOn(),
                        correction.reason(), everyDay(week, correction.previousHours()),
                        correction.previousTotalHours())).toList(),
                doc.version);
    }

    private static SortedMap<LocalDate, BigDecimal> everyDay(IsoWeek week, Map<String, BigDecimal> hours) {
        SortedMap<LocalDate, BigDecimal> days = new TreeMap<>();
        for (LocalDate day : week.days()) {
            BigDecimal value = hours == null ? null : hours.get(day.toString());
            days.put(day, value == null ? NONE : value.setScale(2));
        }
        return days;
    }

    /** Declares the read model, so that the platform runs its projection on its own processor and token. */
    @Configuration(proxyBeanMethods = false)
    static class TimesheetReadModel {
        @Bean
        ReadModel timesheetsReadModel() {
            return TimesheetProjection.READ_MODEL;
        }
    }
}
