package com.engagementledger.timesheet.query;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import com.engagementledger.timesheet.api.TimesheetApproved;
import com.engagementledger.timesheet.api.TimesheetCorrected;
import com.engagementledger.timesheet.api.TimesheetDisputed;
import com.engagementledger.timesheet.api.TimesheetResubmitted;
import com.engagementledger.timesheet.api.TimesheetStatus;
import com.engagementledger.timesheet.api.TimesheetSubmitted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Builds the timesheet read model, one document per timesheet, from the timesheet's own events: pure steps
 * {@code evolve(document, event)} that {@link DocumentProjection} skips when the timesheet's event was applied
 * before. The instants shown ({@code submittedAt}, {@code decidedAt}) are the events' timestamps, which the
 * handlers add.
 */
@Component
@ProcessingGroup(TimesheetProjection.PROCESSING_GROUP)
public class TimesheetProjection extends DocumentProjection<TimesheetDocument> {

    public static final String PROCESSING_GROUP = "timesheets";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP,
            ReadModelCollection.of(TimesheetDocument.class,
                    new Index("engagementId", Sort.Direction.ASC),
                    new Index("week", Sort.Direction.DESC),
                    new Index("status", Sort.Direction.ASC)));

    public TimesheetProjection(BatchedWrites writes) {
        super(READ_MODEL, TimesheetDocument.class, writes);
    }

    @EventHandler
    void on(TimesheetSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.timesheetId(), sequence, doc -> {
            TimesheetDocument submitted = evolve(doc, event);
            // the pure step knows only the event, the handler its timestamp
            submitted.submittedAt = at;
            return submitted;
        });
    }

    static TimesheetDocument evolve(TimesheetDocument previous, TimesheetSubmitted event) {
        TimesheetDocument doc = new TimesheetDocument();
        doc.timesheetId = event.timesheetId();
        doc.engagementId = event.engagementId();
        doc.seatId = event.seatId();
        doc.week = event.week();
        doc.status = TimesheetStatus.SUBMITTED;
        doc.hours = keyed(event.hours());
        doc.totalHours = event.totalHours();
        doc.submission = 1;
        doc.submittedOn = event.submittedOn();
        doc.autoApprovalOn = event.autoApprovalOn();
        return doc;
    }

    @EventHandler
    void on(TimesheetDisputed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.timesheetId(), sequence, doc -> {
            TimesheetDocument next = evolve(doc, event);
            next.decidedAt = at;
            return next;
        });
    }

    static TimesheetDocument evolve(TimesheetDocument previous, TimesheetDisputed event) {
        return change(previous, event, doc -> {
            doc.status = TimesheetStatus.DISPUTED;
            doc.disputeReason = event.reason();
            doc.autoApprovalOn = null;
        });
    }

    @EventHandler
    void on(TimesheetResubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.timesheetId(), sequence, doc -> {
            TimesheetDocument next = evolve(doc, event);
            next.submittedAt = at;
            return next;
        });
    }

    /** A resubmission waits for a decision again: the dispute it answered is in the history, not in the view. */
    static TimesheetDocument evolve(TimesheetDocument previous, TimesheetResubmitted event) {
        return change(previous, event, doc -> {
            doc.status = TimesheetStatus.SUBMITTED;
            doc.hours = keyed(event.hours());
            doc.totalHours = event.totalHours();
            doc.submission = event.submission();
            doc.submittedOn = event.resubmittedOn();
            doc.autoApprovalOn = event.autoApprovalOn();
            doc.decidedAt = null;
            doc.disputeReason = null;
        });
    }

    @EventHandler
    void on(TimesheetApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.timesheetId(), sequence, doc -> {
            TimesheetDocument next = evolve(doc, event);
            next.decidedAt = at;
            return next;
        });
    }

    static TimesheetDocument evolve(TimesheetDocument previous, TimesheetApproved event) {
        return change(previous, event, doc -> {
            doc.status = TimesheetStatus.APPROVED;
            doc.hours = keyed(event.hours());
            doc.totalHours = total(event.hours());
            doc.approvedOn = event.approvedOn();
            doc.approvedAutomatically = event.automatic();
            doc.autoApprovalOn = null;
        });
    }

    @EventHandler
    void on(TimesheetCorrected event, @SequenceNumber long sequence) {
        project(event.timesheetId(), sequence, doc -> evolve(doc, event));
    }

    /** The corrected hours are the week's hours from now on; the ones replaced are kept with the reason. */
    static TimesheetDocument evolve(TimesheetDocument previous, TimesheetCorrected event) {
        return change(previous, event, doc -> {
            List<TimesheetDocument.CorrectionDocument> corrections = new ArrayList<>(doc.corrections);
            corrections.add(new TimesheetDocument.CorrectionDocument(event.correctedOn(), event.reason(),
                    keyed(event.previousHours()), total(event.previousHours())));
            doc.corrections = corrections;
            doc.hours = keyed(event.hours());
            doc.totalHours = total(event.hours());
        });
    }

    private void project(String timesheetId, long sequence, UnaryOperator<TimesheetDocument> step) {
        apply(timesheetId, timesheetId, sequence, doc -> {
            TimesheetDocument next = step.apply(doc);
            next.version = sequence;
            return next;
        });
    }

    /** The next state of an existing timesheet: a copy of it with {@code change} made. */
    private static TimesheetDocument change(TimesheetDocument previous, Object event,
                                            Consumer<TimesheetDocument> change) {
        if (previous == null) {
            throw new IllegalStateException("No timesheet document to apply " + event
                    + " to: its submission was never projected");
        }
        TimesheetDocument doc = ReadModelDocument.copyOf(previous);
        change.accept(doc);
        return doc;
    }

    private static Map<String, BigDecimal> keyed(Map<LocalDate, BigDecimal> hours) {
        Map<String, BigDecimal> keyed = new TreeMap<>();
        hours.forEach((day, value) -> keyed.put(day.toString(), value));
        return keyed;
    }

    private static BigDecimal total(Map<LocalDate, BigDecimal> hours) {
        return hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
