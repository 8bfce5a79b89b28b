package com.engagementledger.timesheet.query;

import com.engagementledger.platform.store.ReadModelDocument;
import com.engagementledger.timesheet.api.TimesheetStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The timesheet read model, one document per seat and week. {@code hours} are keyed by the ISO date
 * ({@code YYYY-MM-DD}), a key every store keeps as it is; {@code version} is the sequence number of the timesheet's
 * last event.
 */
@Document(TimesheetDocument.COLLECTION)
public class TimesheetDocument extends ReadModelDocument {

    public static final String COLLECTION = "timesheets";

    @Id
    String timesheetId;
    long version = -1;
    String engagementId;
    String seatId;
    String week;
    TimesheetStatus status;
    Map<String, BigDecimal> hours = new TreeMap<>();
    BigDecimal totalHours;
    int submission;
    Instant submittedAt;
    LocalDate submittedOn;
    LocalDate autoApprovalOn;
    Instant decidedAt;
    LocalDate approvedOn;
    Boolean approvedAutomatically;
    String disputeReason;
    List<CorrectionDocument> corrections = new ArrayList<>();

    /** A correction inside a timesheet document. */
    record CorrectionDocument(LocalDate correctedOn, String reason,
                              Map<String, BigDecimal> previousHours, BigDecimal previousTotalHours) {
    }
}
