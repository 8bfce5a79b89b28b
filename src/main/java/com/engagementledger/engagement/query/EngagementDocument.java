package com.engagementledger.engagement.query;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.platform.store.ReadModelDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The engagement read model. {@code version} is the sequence number of the last event applied: the projection skips
 * any event at or below it, which makes replays and redeliveries harmless.
 */
@Document(EngagementDocument.COLLECTION)
public class EngagementDocument extends ReadModelDocument {

    public static final String COLLECTION = "engagements";

    @Id
    String engagementId;
    long version = -1;
    String clientId;
    String clientName;
    String roleTitle;
    String currency;
    BillingModel billingModel;
    EngagementStatus status;
    EngagementTerms terms;
    List<SeatDocument> seats = new ArrayList<>();
    List<PauseDocument> pauses = new ArrayList<>();
    LocalDate proposedOn;
    /** When the proposal was recorded: "newest first" orders by it, as no two proposals share it in practice. */
    Instant proposedAt;
    LocalDate trialStart;
    LocalDate trialLastDay;
    LocalDate trialDecidedOn;
    LocalDate activeFrom;
    LocalDate noticeDate;
    LocalDate lastDay;
    LocalDate endedOn;
    LocalDate cancelledOn;
    /** The background technology excluded from IP transfer (IpExclusionsSet); empty when none. */
    List<String> ipExclusions = new ArrayList<>();
    Instant lastChangedAt;
}
