package com.engagementledger.replacement.query;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.platform.store.ReadModelDocument;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The replacement read model, one document per replacement. {@code status} is the status the events recorded
 * ({@code CANDIDATE_ACCEPTED}, never {@code OVERLAP}, which depends on the day asked); {@code version} is the
 * sequence number of the replacement's last event.
 */
@Document(ReplacementDocument.COLLECTION)
public class ReplacementDocument extends ReadModelDocument {

    public static final String COLLECTION = "replacements";

    @Id
    String replacementId;
    long version = -1;
    String engagementId;
    String seatId;
    ReplacementReason reason;
    String note;
    ReplacementStatus status;
    Eligibility eligibility;
    String eligibilityReason;
    LocalDate requestedOn;
    /** When the request was recorded: "newest first" orders by it. */
    Instant requestedAt;
    LocalDate slaDueDate;
    String timeZone;
    String outgoingProfessionalId;
    String outgoingProfessionalName;
    BillingModel billingModel;
    BigDecimal seatRate;
    String currency;
    List<CandidateDocument> candidates = new ArrayList<>();
    LocalDate acceptedOn;
    LocalDate overlapFrom;
    LocalDate overlapTo;
    LocalDate completedOn;
    LocalDate withdrawnOn;
    String withdrawalReason;
    LocalDate slaBreachedOn;
    Integer creditDaysLate;
    BigDecimal creditAmount;
    LocalDate creditGrantedOn;
}
