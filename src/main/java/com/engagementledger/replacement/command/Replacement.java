package com.engagementledger.replacement.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.time.Today;
import com.engagementledger.replacement.api.AcceptCandidate;
import com.engagementledger.replacement.api.CandidateAccepted;
import com.engagementledger.replacement.api.CandidateProposed;
import com.engagementledger.replacement.api.CandidateRejected;
import com.engagementledger.replacement.api.CandidateStatus;
import com.engagementledger.replacement.api.CloseForEndedEngagement;
import com.engagementledger.replacement.api.CompleteReplacement;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.EndOverlap;
import com.engagementledger.replacement.api.ProposeCandidate;
import com.engagementledger.replacement.api.RecordSlaBreach;
import com.engagementledger.replacement.api.RejectCandidate;
import com.engagementledger.replacement.api.ReplacementCompleted;
import com.engagementledger.replacement.api.ReplacementOpening;
import com.engagementledger.replacement.api.ReplacementRecords;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementSeatEndChanged;
import com.engagementledger.replacement.api.ReplacementSlaBreached;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import com.engagementledger.replacement.api.ServiceCredit;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import com.engagementledger.replacement.api.UpdateSeatLastDay;
import com.engagementledger.replacement.api.WithdrawReplacement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One replacement of a seat's professional (DESIGN.md §3, Replacement). The engagement decides whether and on what
 * terms a replacement opens and creates it in its own unit of work ({@link AxonReplacementRecords}); from then on the
 * replacement keeps its candidates, its overlap, its SLA and its service credit, and never asks the engagement again.
 * The status is kept as recorded: {@code CANDIDATE_ACCEPTED} becomes {@code OVERLAP} by date only, on the read side.
 * "Today" is the date in the replacement's time zone on the application clock. Commands sent when time passes
 * ({@link EndOverlap}, {@link RecordSlaBreach}) never fail for the state they find: they do what is still due.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Replacement {

    private static final int MAX_TEXT = 200;
    private static final int MAX_REASON = 2000;

    @AggregateIdentifier
    private String replacementId;
    private String engagementId;
    private String seatId;
    private ReplacementStatus status;
    private Eligibility eligibility;
    private boolean usesFreeReplacement;
    private LocalDate requestedOn;
    private LocalDate slaDueDate;
    private int overlapBusinessDays;
    private String timeZone;
    private String outgoingProfessionalId;
    private LocalDate seatLastDay;
    private BillingModel billingModel;
    private BigDecimal seatRate;
    private String currency;
    private final Map<String, CandidateStatus> candidates = new LinkedHashMap<>();
    private String pendingCandidateId;
    private String pendingProfessionalId;
    private String pendingProfessionalName;
    private LocalDate overlapFrom;
    private LocalDate overlapTo;
    private boolean breachRecorded;
    /** The service credit granted for a missed SLA, if one was. */
    private ServiceCreditGranted grantedCredit;

    protected Replacement() {
        // for Axon
    }

    /**
     * Records a replacement the engagement opened; not a command handler, since only the engagement opens one, in the
     * unit of work of the command that claims the seat. The engagement decided and validated everything; what comes
     * from a caller is checked again all the same, and a missing decision is a programming error.
     */
    public Replacement(ReplacementOpening opening) {
        if (opening == null) {
            throw new IllegalArgumentException("a replacement opens from what the engagement decided");
        }
        requireId(opening.replacementId(), "replacementId");
        requireId(opening.engagementId(), "engagementId");
        requireId(opening.seatId(), "seatId");
        requireId(opening.outgoingProfessionalId(), "outgoingProfessionalId");
        String note = blankToNull(PlainText.text("note", opening.note(), MAX_REASON));
        if (opening.reason() == null || opening.decision() == null || opening.decision().eligibility() == null
                || opening.requestedOn() == null || opening.slaDueDate() == null || opening.timeZone() == null
                || opening.seatStart() == null || opening.billingModel() == null || opening.seatRate() == null
                || opening.currency() == null) {
            throw new IllegalArgumentException("the engagement opened replacement " + opening.replacementId()
                    + " without a reason, a decision, its dates, its zone or the seat's rate: " + opening);
        }
        if (opening.slaBusinessDays() < 0 || opening.overlapBusinessDays() < 0
                || opening.slaDueDate().isBefore(opening.requestedOn())) {
            throw new IllegalArgumentException("the SLA and the overlap of replacement " + opening.replacementId()
                    + " run forwards: " + opening);
        }
        ZoneId.of(opening.timeZone());
        Currency.getInstance(opening.currency());
        apply(new ReplacementRequested(opening.replacementId(), opening.engagementId(), opening.seatId(),
                opening.reason(), note, opening.decision().eligibility(), opening.decision().reason(),
                opening.decision().usesFreeReplacement(), opening.requestedOn(), opening.slaDueDate(),
                opening.slaBusinessDays(), opening.overlapBusinessDays(), opening.timeZone(),
                opening.outgoingProfessionalId(), opening.outgoingProfessionalName(), opening.seatStart(),
                opening.guaranteeEndsOn(), opening.seatLastDay(), opening.billingModel(), opening.seatRate(),
                opening.currency()));
    }

    @CommandHandler
    public long handle(ProposeCandidate command, Clock clock, EngagementSeats seats) {
        requireStatus("propose a candidate", ReplacementStatus.REQUESTED, ReplacementStatus.CANDIDATE_PROPOSED);
        if (pendingCandidateId != null) {
            throw RuleViolation.illegalState("candidate-pending", "Candidate " + pendingCandidateId
                    + " is still pending: accept or reject them before proposing another");
        }
        requireId(command.candidateId(), "candidateId");
        requireId(command.professionalId(), "professionalId");
        String professionalName = PlainText.name("professionalName", command.professionalName(), MAX_TEXT);
        if (candidates.containsKey(command.candidateId())) {
            throw RuleViolation.invalid("candidateId", "unique", "candidate " + command.candidateId()
                    + " was already proposed for replacement " + replacementId);
        }
        if (command.professionalId().equals(outgoingProfessionalId)) {
            throw RuleViolation.invalid("professionalId", "same-professional", "professional "
                    + command.professionalId() + " is the one being replaced");
        }
        LocalDate today = today(clock);
        requireNoOtherSeat(seats, command.professionalId(), today, "today (" + today + ")");
        apply(new CandidateProposed(replacementId, engagementId, seatId, command.candidateId(),
                command.professionalId(), professionalName, today));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RejectCandidate command, Clock clock) {
        requireStatus("reject a candidate", ReplacementStatus.REQUESTED, ReplacementStatus.CANDIDATE_PROPOSED);
        requirePending(command.candidateId());
        String reason = PlainText.text("reason", command.reason(), MAX_REASON);
        if (PlainText.isBlank(reason)) {
            throw RuleViolation.invalid("reason", "reason-required", "a rejected candidate needs a reason");
        }
        apply(new CandidateRejected(replacementId, engagementId, seatId, command.candidateId(), reason,
                today(clock)));
        return AggregateLifecycle.getVersion();
    }

    /**
     * The overlap runs the engagement's overlap business days from the start date, and the swap that ends it must fall
     * on a day the seat is still billed. Accepted after the SLA's due date, the breach is recorded first, if the
     * deadline has not done so, and a free replacement's credit is fixed: the business days late up to today.
     */
    @CommandHandler
    public long handle(AcceptCandidate command, Clock clock, BusinessDays businessDays,
                       ReplacementDatingWindow window, EngagementSeats seats) {
        requireStatus("accept a candidate", ReplacementStatus.REQUESTED, ReplacementStatus.CANDIDATE_PROPOSED);
        requirePending(command.candidateId());
        LocalDate start = command.startDate();
        if (start == null) {
            throw RuleViolation.invalid("startDate", "required", "startDate: must not be null");
        }
        LocalDate today = today(clock);
        if (start.isBefore(requestedOn)) {
            throw RuleViolation.invalid("startDate", "before-request", start + " is before the replacement was "
                    + "requested (" + requestedOn + ")");
        }
        window.check("startDate", start, today);
        LocalDate lastOverlapDay = businessDays.plus(start.minusDays(1), overlapBusinessDays);
        LocalDate swapDate = lastOverlapDay.plusDays(1);
        if (seatLastDay != null && swapDate.isAfter(seatLastDay)) {
            throw RuleViolation.invalid("startDate", "overlap-after-seat-end", "an overlap of "
                    + overlapBusinessDays + " business days from " + start + " hands the seat over on " + swapDate
                    + ", after the seat's last billed day (" + seatLastDay + ")");
        }
        requireNoOtherSeat(seats, pendingProfessionalId, start, "the overlap's start (" + start + ")");
        settleMissedSla(today, seatLastDay, today, businessDays);
        apply(new CandidateAccepted(replacementId, engagementId, seatId, pendingCandidateId, pendingProfessionalId,
                pendingProfessionalName, today, start, lastOverlapDay, eligibility == Eligibility.FREE));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Ends the overlap early, once it has begun: from today the incoming professional holds the seat alone. An overlap
     * that has already run out completes as its end would have.
     */
    @CommandHandler
    public long handle(CompleteReplacement command, Clock clock) {
        requireStatus("complete the replacement", ReplacementStatus.CANDIDATE_ACCEPTED);
        LocalDate today = today(clock);
        if (today.isBefore(overlapFrom)) {
            throw RuleViolation.illegalState("overlap-not-started", "The overlap starts on " + overlapFrom
                    + "; the replacement can be completed from that day (or withdrawn before it)");
        }
        if (today.isAfter(overlapTo)) {
            completeAsPlanned();
        } else {
            apply(new ReplacementCompleted(replacementId, engagementId, seatId, pendingCandidateId,
                    pendingProfessionalId, pendingProfessionalName, today, lastOverlapDayBefore(today), true));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The day after the overlap's last day: the replacement completes by itself, unless it already has. */
    @CommandHandler
    public long handle(EndOverlap command, Clock clock) {
        if (status == ReplacementStatus.CANDIDATE_ACCEPTED && today(clock).isAfter(overlapTo)) {
            completeAsPlanned();
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * The day after the SLA's due date: the breach is recorded once, if no candidate was accepted by then and the seat
     * is billed after the due date (a seat that ends by then was owed no replacement after it).
     */
    @CommandHandler
    public long handle(RecordSlaBreach command, Clock clock) {
        boolean seatBilledAfterDueDate = seatLastDay == null || seatLastDay.isAfter(slaDueDate);
        if (slaStillRunning() && !breachRecorded && seatBilledAfterDueDate && today(clock).isAfter(slaDueDate)) {
            apply(new ReplacementSlaBreached(replacementId, engagementId, seatId, slaDueDate,
                    slaDueDate.plusDays(1)));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * A replacement can be withdrawn until it completes; the outgoing professional keeps the seat. The seat gets its
     * free replacement back unless an overlap day ran. Withdrawn after a missed SLA with no candidate accepted, a free
     * replacement's credit is fixed on the day of the withdrawal.
     */
    @CommandHandler
    public long handle(WithdrawReplacement command, Clock clock, BusinessDays businessDays) {
        requireStatus("withdraw the replacement", ReplacementStatus.REQUESTED, ReplacementStatus.CANDIDATE_PROPOSED,
                ReplacementStatus.CANDIDATE_ACCEPTED);
        String reason = blankToNull(PlainText.text("reason", command.reason(), MAX_REASON));
        LocalDate today = today(clock);
        withdraw(today, reason, today, seatLastDay, businessDays);
        return AggregateLifecycle.getVersion();
    }

    /**
     * The engagement ended after {@code lastDay}: a replacement still open is withdrawn as of the day after, and a
     * missed SLA counts its late days up to and including that last day only, however late the process runs. Sent by
     * the process, so it never fails for the state it finds.
     */
    @CommandHandler
    public long handle(CloseForEndedEngagement command, Clock clock, BusinessDays businessDays) {
        if (command.lastDay() == null) {
            throw new IllegalArgumentException("an ended engagement has a last day: " + command);
        }
        if (status == ReplacementStatus.COMPLETED || status == ReplacementStatus.WITHDRAWN) {
            return AggregateLifecycle.getVersion();
        }
        LocalDate lastDay = command.lastDay();
        LocalDate lastBilledDay = seatLastDay != null && seatLastDay.isBefore(lastDay) ? seatLastDay : lastDay;
        withdraw(lastDay.plusDays(1), "the engagement ended on " + lastDay, today(clock), lastBilledDay,
                businessDays);
        return AggregateLifecycle.getVersion();
    }

    /**
     * The engagement withdrew a notice or the seat's release, and the seat is billed up to {@code seatLastDay} now:
     * the swap may fall up to it. Sent by the process, so it never fails for the state it finds.
     */
    @CommandHandler
    public long handle(UpdateSeatLastDay command) {
        boolean open = status != ReplacementStatus.COMPLETED && status != ReplacementStatus.WITHDRAWN;
        if (open && !Objects.equals(seatLastDay, command.seatLastDay())) {
            apply(new ReplacementSeatEndChanged(replacementId, engagementId, seatId, command.seatLastDay()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Where the replacement stands, for the engagement ({@link ReplacementRecords#standing}). */
    ReplacementRecords.Standing standing() {
        return switch (status) {
            case COMPLETED -> ReplacementRecords.Standing.COMPLETED;
            case WITHDRAWN -> ReplacementRecords.Standing.WITHDRAWN;
            default -> ReplacementRecords.Standing.OPEN;
        };
    }

    @EventSourcingHandler
    void on(ReplacementRequested event) {
        replacementId = event.replacementId();
        engagementId = event.engagementId();
        seatId = event.seatId();
        status = ReplacementStatus.REQUESTED;
        eligibility = event.eligibility();
        usesFreeReplacement = event.usesFreeReplacement();
        requestedOn = event.requestedOn();
        slaDueDate = event.slaDueDate();
        overlapBusinessDays = event.overlapBusinessDays();
        timeZone = event.timeZone();
        outgoingProfessionalId = event.outgoingProfessionalId();
        seatLastDay = event.seatLastDay();
        billingModel = event.billingModel();
        seatRate = event.seatRate();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(CandidateProposed event) {
        status = ReplacementStatus.CANDIDATE_PROPOSED;
        candidates.put(event.candidateId(), CandidateStatus.PROPOSED);
        pendingCandidateId = event.candidateId();
        pendingProfessionalId = event.professionalId();
        pendingProfessionalName = event.professionalName();
    }

    @EventSourcingHandler
    void on(CandidateRejected event) {
        status = ReplacementStatus.REQUESTED;
        candidates.put(event.candidateId(), CandidateStatus.REJECTED);
        pendingCandidateId = null;
        pendingProfessionalId = null;
        pendingProfessionalName = null;
    }

    /** The accepted candidate stays in the pending fields: the completion names them. */
    @EventSourcingHandler
    void on(CandidateAccepted event) {
        status = ReplacementStatus.CANDIDATE_ACCEPTED;
        candidates.put(event.candidateId(), CandidateStatus.ACCEPTED);
        overlapFrom = event.overlapFrom();
        overlapTo = event.overlapTo();
    }

    @EventSourcingHandler
    void on(ReplacementSeatEndChanged event) {
        seatLastDay = event.seatLastDay();
    }

    @EventSourcingHandler
    void on(ServiceCreditGranted event) {
        grantedCredit = event;
    }

    /** The credit this replacement granted, for billing ({@link com.engagementledger.replacement.api.GrantedCredits}). */
    Optional<ServiceCreditGranted> grantedCredit() {
        return Optional.ofNullable(grantedCredit);
    }

    @EventSourcingHandler
    void on(ReplacementSlaBreached event) {
        breachRecorded = true;
    }

    @EventSourcingHandler
    void on(ReplacementCompleted event) {
        status = ReplacementStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ReplacementWithdrawn event) {
        status = ReplacementStatus.WITHDRAWN;
    }

    /**
     * Withdraws the replacement on {@code withdrawnOn}; the SLA stops that day, but no late day lies after
     * {@code lastBilledDay} (null when the seat has no end): nothing was owed for a seat no longer billed.
     */
    private void withdraw(LocalDate withdrawnOn, String reason, LocalDate today, LocalDate lastBilledDay,
                          BusinessDays businessDays) {
        if (slaStillRunning()) {
            settleMissedSla(withdrawnOn, lastBilledDay, today, businessDays);
        }
        LocalDate workedTo = status == ReplacementStatus.CANDIDATE_ACCEPTED ? lastOverlapDayBefore(withdrawnOn)
                : null;
        apply(new ReplacementWithdrawn(replacementId, engagementId, seatId, withdrawnOn, reason, workedTo,
                usesFreeReplacement && workedTo == null));
    }

    private void completeAsPlanned() {
        apply(new ReplacementCompleted(replacementId, engagementId, seatId, pendingCandidateId, pendingProfessionalId,
                pendingProfessionalName, overlapTo.plusDays(1), overlapTo.isBefore(overlapFrom) ? null : overlapTo,
                false));
    }

    /** The last overlap day before {@code day}, null if none ran. */
    private LocalDate lastOverlapDayBefore(LocalDate day) {
        LocalDate last = day.minusDays(1).isBefore(overlapTo) ? day.minusDays(1) : overlapTo;
        return last.isBefore(overlapFrom) ? null : last;
    }

    /** No candidate accepted yet and the replacement still open: the SLA is still being measured. */
    private boolean slaStillRunning() {
        return status == ReplacementStatus.REQUESTED || status == ReplacementStatus.CANDIDATE_PROPOSED;
    }

    /**
     * The SLA stops on {@code stoppedOn}, with a candidate accepted or the replacement withdrawn: if its due date has
     * passed, the breach is recorded (unless the deadline did) and a free replacement's credit fixed today, for the
     * business days after the due date up to {@code stoppedOn}, but none after the seat's last billed day: a seat no
     * longer billed is owed no professional. None is granted for a breach that cost no business day.
     */
    private void settleMissedSla(LocalDate stoppedOn, LocalDate lastBilledDay, LocalDate today,
                                 BusinessDays businessDays) {
        LocalDate lastLateDay = lastBilledDay != null && lastBilledDay.isBefore(stoppedOn) ? lastBilledDay
                : stoppedOn;
        if (!lastLateDay.isAfter(slaDueDate)) {
            return;
        }
        if (!breachRecorded) {
            apply(new ReplacementSlaBreached(replacementId, engagementId, seatId, slaDueDate,
                    slaDueDate.plusDays(1)));
        }
        int daysLate = businessDays.between(slaDueDate, lastLateDay);
        if (eligibility == Eligibility.FREE && daysLate > 0) {
            BigDecimal amount = ServiceCredit.amount(billingModel, seatRate, daysLate,
                    Currency.getInstance(currency));
            apply(new ServiceCreditGranted(replacementId, engagementId, seatId, daysLate, amount, currency, today));
        }
    }

    /**
     * One seat per professional, as when the engagement adds a seat: a candidate who holds another seat of the
     * engagement on or after {@code from}, or will as another replacement's incoming professional, would hold two.
     */
    private void requireNoOtherSeat(EngagementSeats seats, String professionalId, LocalDate from, String when) {
        seats.otherSeatHeldOnOrAfter(engagementId, seatId, professionalId, from).ifPresent(other -> {
            throw RuleViolation.invalid("professionalId", "one-seat-per-professional", "professional "
                    + professionalId + " holds seat " + other + " of the engagement on or after " + when
                    + ", and a professional fills one seat at a time");
        });
    }

    private void requirePending(String candidateId) {
        requireId(candidateId, "candidateId");
        CandidateStatus candidate = candidates.get(candidateId);
        if (candidate == null) {
            throw RuleViolation.notFound("candidateId", "Replacement " + replacementId + " has no candidate "
                    + candidateId);
        }
        if (candidate != CandidateStatus.PROPOSED) {
            throw RuleViolation.illegalState("candidate-not-pending", "Candidate " + candidateId + " was already "
                    + candidate + "; only the pending candidate can be accepted or rejected");
        }
    }

    private void requireStatus(String action, ReplacementStatus first, ReplacementStatus... others) {
        if (!EnumSet.of(first, others).contains(status)) {
            throw RuleViolation.illegalState("status", "Cannot " + action + ": the replacement is " + status);
        }
    }

    private LocalDate today(Clock clock) {
        return Today.in(clock, ZoneId.of(timeZone));
    }

    private static void requireId(String value, String field) {
        PlainText.id(field, value, MAX_TEXT);
    }

    private static String blankToNull(String value) {
        return PlainText.isBlank(value) ? null : value;
    }
}
