package com.engagementledger.engagement.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.engagementledger.engagement.api.AcceptTrial;
import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.CancelEngagement;
import com.engagementledger.engagement.api.EndEngagement;
import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementCancelled;
import com.engagementledger.engagement.api.EngagementEnded;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementResumed;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.GiveNotice;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.NoticeGiven;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.RateChangeScheduled;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.RejectTrial;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.ResumeEngagement;
import com.engagementledger.engagement.api.ScheduleRateChange;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.StartTrial;
import com.engagementledger.engagement.api.TrialAccepted;
import com.engagementledger.engagement.api.TrialRejected;
import com.engagementledger.engagement.api.TrialStarted;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.api.Money;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.time.Today;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One engagement with a client: its lifecycle, its seats and their rates. Every rule of DESIGN.md §3 is checked here
 * before anything is applied; the event-sourcing handlers only assign state. "Today" is the date in the
 * engagement's time zone on the application clock.
 */
@Aggregate(snapshotTriggerDefinition = "engagementSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Engagement {

    static final String TRIAL_LAPSES = "engagement-trial-lapses";
    static final String NOTICE_RUNS_OUT = "engagement-notice-runs-out";
    private static final int MAX_TEXT = 200;

    @AggregateIdentifier
    private String engagementId;
    private EngagementStatus status;
    private String currency;
    private EngagementTerms terms;
    private Map<String, SeatState> seats = new LinkedHashMap<>();
    private LocalDate startedOn;
    private LocalDate trialLastDay;
    private LocalDate pausedFrom;
    private LocalDate resumedFrom;
    private LocalDate lastDay;

    protected Engagement() {
        // for Axon and for snapshots
    }

    @CommandHandler
    public Engagement(ProposeEngagement command, Clock clock) {
        requireText(command.engagementId(), "engagementId");
        requireText(command.clientId(), "clientId");
        requireText(command.clientName(), "clientName");
        requireText(command.roleTitle(), "roleTitle");
        Currency money = Money.currency("currency", command.currency());
        if (command.billingModel() == null) {
            throw RuleViolation.invalid("billingModel", "required", "is required (HOURLY or MONTHLY)");
        }
        ZoneId zone = TermsPolicy.validate(command.terms());
        if (command.seats() == null || command.seats().isEmpty()) {
            throw RuleViolation.invalid("seats", "not-empty", "an engagement starts with at least one seat");
        }
        Set<String> seatIds = new HashSet<>();
        Set<String> professionals = new HashSet<>();
        List<NewSeat> seats = new java.util.ArrayList<>();
        for (int i = 0; i < command.seats().size(); i++) {
            NewSeat seat = command.seats().get(i);
            String field = "seats[" + i + "]";
            if (seat == null) {
                throw RuleViolation.invalid(field, "required", "is required");
            }
            requireText(seat.seatId(), field + ".seatId");
            requireText(seat.professionalId(), field + ".professionalId");
            requireText(seat.professionalName(), field + ".professionalName");
            requireDate(seat.startDate(), field + ".startDate");
            if (!seatIds.add(seat.seatId())) {
                throw RuleViolation.invalid(field + ".seatId", "unique", "seat id " + seat.seatId() + " repeats");
            }
            if (!professionals.add(seat.professionalId())) {
                throw RuleViolation.invalid(field + ".professionalId", "one-seat-per-professional",
                        "professional " + seat.professionalId() + " already fills another seat");
            }
            BigDecimal rate = Money.positiveAmount(field + ".rate", seat.rate(), money);
            seats.add(new NewSeat(seat.seatId(), seat.professionalId(), seat.professionalName(), rate,
                    seat.startDate()));
        }
        apply(new EngagementProposed(command.engagementId(), command.clientId(), command.clientName(),
                command.roleTitle(), money.getCurrencyCode(), command.billingModel(), List.copyOf(seats),
                command.terms(), Today.in(clock, zone)));
    }

    @CommandHandler
    public long handle(StartTrial command, Clock clock, DeadlineManager deadlines) {
        requireStatus("start a trial", EngagementStatus.PROPOSED);
        if (terms.trialDays() == 0) {
            throw RuleViolation.illegalState("no-trial",
                    "The terms of this engagement have no trial; activate it instead");
        }
        LocalDate today = today(clock);
        LocalDate start = command.startDate() != null ? PlausibleDates.check("startDate", command.startDate()) : today;
        LocalDate last = start.plusDays(terms.trialDays() - 1L);
        if (last.isBefore(today)) {
            throw RuleViolation.invalid("startDate", "trial-already-over", "a " + terms.trialDays()
                    + "-day trial from " + start + " would have ended on " + last + ", before today (" + today + ")");
        }
        apply(new TrialStarted(engagementId, start, last));
        deadlines.schedule(startOf(last.plusDays(1)), TRIAL_LAPSES);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AcceptTrial command, Clock clock, DeadlineManager deadlines) {
        requireStatus("accept the trial", EngagementStatus.TRIAL);
        LocalDate today = today(clock);
        requireTrialRunning(today);
        if (today.isBefore(startedOn)) {
            throw RuleViolation.illegalState("trial-not-started", "The trial starts on " + startedOn
                    + "; it can be accepted from that day (or rejected before it)");
        }
        deadlines.cancelAllWithinScope(TRIAL_LAPSES);
        apply(new TrialAccepted(engagementId, today, false));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RejectTrial command, Clock clock, DeadlineManager deadlines) {
        requireStatus("reject the trial", EngagementStatus.TRIAL);
        requireTrialRunning(today(clock));
        deadlines.cancelAllWithinScope(TRIAL_LAPSES);
        apply(new TrialRejected(engagementId, today(clock), blankToNull(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = TRIAL_LAPSES)
    public void onTrialLapsed() {
        if (status != EngagementStatus.TRIAL) {
            return;
        }
        apply(new TrialAccepted(engagementId, trialLastDay.plusDays(1), true),
                MetaData.with(AuditMetadata.REASON, "the trial ended on " + trialLastDay
                        + " without a decision and the client kept working with the professionals"));
    }

    @CommandHandler
    public long handle(ActivateEngagement command, Clock clock) {
        if (command.activationDate() != null) {
            PlausibleDates.check("activationDate", command.activationDate());
        }
        requireStatus("activate", EngagementStatus.PROPOSED);
        if (terms.trialDays() > 0) {
            throw RuleViolation.illegalState("trial-required", "The terms of this engagement have a "
                    + terms.trialDays() + "-day trial: start the trial; only a proposal without a trial is activated");
        }
        apply(new EngagementActivated(engagementId,
                command.activationDate() != null ? command.activationDate() : today(clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AddSeat command) {
        requireRunningOr("add a seat", EngagementStatus.PROPOSED);
        requireText(command.seatId(), "seatId");
        requireText(command.professionalId(), "professionalId");
        requireText(command.professionalName(), "professionalName");
        requireDate(command.startDate(), "startDate");
        BigDecimal rate = Money.positiveAmount("rate", command.rate(), Currency.getInstance(currency));
        if (seats.containsKey(command.seatId())) {
            throw RuleViolation.invalid("seatId", "unique", "seat " + command.seatId() + " already exists");
        }
        seats.values().stream()
                .filter(seat -> seat.professionalId().equals(command.professionalId()))
                .filter(seat -> seat.billedOnOrAfter(command.startDate()))
                .findAny()
                .ifPresent(seat -> {
                    throw RuleViolation.invalid("professionalId", "one-seat-per-professional", "professional "
                            + command.professionalId() + " already fills seat " + seat.seatId());
                });
        if (lastDay != null && command.startDate().isAfter(lastDay)) {
            throw RuleViolation.invalid("startDate", "after-last-day",
                    "the engagement's last day is " + lastDay + "; a seat from " + command.startDate()
                            + " would never be billed");
        }
        apply(new SeatAdded(engagementId, command.seatId(), command.professionalId(), command.professionalName(),
                rate, command.startDate()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReleaseSeat command) {
        requireRunningOr("release a seat", EngagementStatus.PROPOSED);
        SeatState seat = seat(command.seatId());
        requireDate(command.releaseDate(), "releaseDate");
        if (seat.releaseDate() != null) {
            throw RuleViolation.illegalState("seat-released",
                    "Seat " + seat.seatId() + " was already released from " + seat.releaseDate());
        }
        if (!command.releaseDate().isAfter(seat.startDate())) {
            throw RuleViolation.invalid("releaseDate", "after-start", "a seat that starts on " + seat.startDate()
                    + " is released on a later day, not " + command.releaseDate());
        }
        boolean another = seats.values().stream()
                .anyMatch(other -> !other.seatId().equals(seat.seatId())
                        && other.billedOnOrAfter(command.releaseDate()));
        if (!another) {
            throw RuleViolation.illegalState("last-seat",
                    "Seat " + seat.seatId() + " is the engagement's last seat; give notice to end the engagement");
        }
        apply(new SeatReleased(engagementId, seat.seatId(), command.releaseDate()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ScheduleRateChange command, Clock clock) {
        requireRunningOr("change a rate", EngagementStatus.PROPOSED);
        BigDecimal rate = Money.positiveAmount("newRate", command.newRate(), Currency.getInstance(currency));
        LocalDate today = today(clock);
        RateChangePolicy.check(today, command.effectiveDate(), command.reason(), terms, lastDay);
        List<SeatState> affected;
        if (command.seatId() != null) {
            SeatState seat = seat(command.seatId());
            if (!seat.openOn(command.effectiveDate())) {
                throw RuleViolation.invalid("effectiveDate", "seat-open", "seat " + seat.seatId()
                        + " is not billed on " + command.effectiveDate());
            }
            affected = List.of(seat);
        } else {
            affected = seats.values().stream().filter(seat -> seat.openOn(command.effectiveDate())).toList();
            if (affected.isEmpty()) {
                throw RuleViolation.invalid("effectiveDate", "seat-open",
                        "no seat is billed on " + command.effectiveDate());
            }
        }
        affected.forEach(seat -> apply(new RateChangeScheduled(engagementId, seat.seatId(), rate,
                command.effectiveDate(), today, command.reason().strip())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(PauseEngagement command, Clock clock) {
        requireStatus("pause", EngagementStatus.ACTIVE);
        LocalDate today = today(clock);
        LocalDate pauseDate = command.pauseDate() != null ? PlausibleDates.check("pauseDate", command.pauseDate())
                : today;
        notBefore(pauseDate, today, "pauseDate");
        if (pauseDate.isBefore(startedOn)) {
            throw RuleViolation.invalid("pauseDate", "before-start", "the engagement is billed from " + startedOn
                    + "; a pause starts on that day or later, not " + pauseDate);
        }
        if (resumedFrom != null && pauseDate.isBefore(resumedFrom)) {
            throw RuleViolation.invalid("pauseDate", "after-resume", "billing resumes on " + resumedFrom
                    + "; a new pause starts on that day or later, not " + pauseDate);
        }
        apply(new EngagementPaused(engagementId, pauseDate));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ResumeEngagement command, Clock clock) {
        requireStatus("resume", EngagementStatus.PAUSED);
        LocalDate today = today(clock);
        LocalDate resumeDate = command.resumeDate() != null
                ? PlausibleDates.check("resumeDate", command.resumeDate()) : today;
        notBefore(resumeDate, today, "resumeDate");
        if (!resumeDate.isAfter(pausedFrom)) {
            throw RuleViolation.invalid("resumeDate", "after-pause", "the pause starts on " + pausedFrom
                    + "; billing resumes on a later day, not " + resumeDate);
        }
        apply(new EngagementResumed(engagementId, resumeDate));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(GiveNotice command, Clock clock, DeadlineManager deadlines) {
        requireStatus("give notice", EngagementStatus.ACTIVE, EngagementStatus.PAUSED);
        LocalDate today = today(clock);
        NoticePolicy.check(today, command.lastDay(), command.forCause(), command.reason(), terms);
        apply(new NoticeGiven(engagementId, today, command.lastDay(), command.forCause(),
                blankToNull(command.reason())));
        deadlines.schedule(startOf(command.lastDay().plusDays(1)), NOTICE_RUNS_OUT);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(EndEngagement command, Clock clock, DeadlineManager deadlines) {
        requireStatus("end", EngagementStatus.NOTICE_GIVEN);
        LocalDate today = today(clock);
        if (!today.isAfter(lastDay)) {
            throw RuleViolation.illegalState("notice-running", "The notice runs until " + lastDay
                    + "; the engagement ends by itself after that day");
        }
        deadlines.cancelAllWithinScope(NOTICE_RUNS_OUT);
        apply(new EngagementEnded(engagementId, lastDay, today, false));
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = NOTICE_RUNS_OUT)
    public void onNoticeRanOut() {
        if (status != EngagementStatus.NOTICE_GIVEN) {
            return;
        }
        apply(new EngagementEnded(engagementId, lastDay, lastDay.plusDays(1), true),
                MetaData.with(AuditMetadata.REASON, "the notice period ended on " + lastDay));
    }

    @CommandHandler
    public long handle(CancelEngagement command, Clock clock) {
        requireStatus("cancel", EngagementStatus.PROPOSED);
        apply(new EngagementCancelled(engagementId, today(clock), blankToNull(command.reason())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(EngagementProposed event) {
        engagementId = event.engagementId();
        status = EngagementStatus.PROPOSED;
        currency = event.currency();
        terms = event.terms();
        for (NewSeat seat : event.seats()) {
            seats.put(seat.seatId(), new SeatState(seat.seatId(), seat.professionalId(), seat.startDate(), null,
                    RateSchedule.startingAt(seat.startDate(), seat.rate())));
        }
    }

    @EventSourcingHandler
    void on(TrialStarted event) {
        status = EngagementStatus.TRIAL;
        startedOn = event.startDate();
        trialLastDay = event.lastDay();
    }

    @EventSourcingHandler
    void on(TrialAccepted event) {
        status = EngagementStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TrialRejected event) {
        status = EngagementStatus.TRIAL_REJECTED;
    }

    @EventSourcingHandler
    void on(EngagementActivated event) {
        status = EngagementStatus.ACTIVE;
        startedOn = event.activationDate();
    }

    @EventSourcingHandler
    void on(SeatAdded event) {
        seats.put(event.seatId(), new SeatState(event.seatId(), event.professionalId(), event.startDate(), null,
                RateSchedule.startingAt(event.startDate(), event.rate())));
    }

    @EventSourcingHandler
    void on(SeatReleased event) {
        seats.computeIfPresent(event.seatId(), (id, seat) -> seat.releasedOn(event.releaseDate()));
    }

    @EventSourcingHandler
    void on(RateChangeScheduled event) {
        seats.computeIfPresent(event.seatId(),
                (id, seat) -> seat.withRate(new RateStep(event.effectiveDate(), event.newRate())));
    }

    @EventSourcingHandler
    void on(EngagementPaused event) {
        status = EngagementStatus.PAUSED;
        pausedFrom = event.pauseDate();
    }

    @EventSourcingHandler
    void on(EngagementResumed event) {
        status = EngagementStatus.ACTIVE;
        pausedFrom = null;
        resumedFrom = event.resumeDate();
    }

    @EventSourcingHandler
    void on(NoticeGiven event) {
        status = EngagementStatus.NOTICE_GIVEN;
        lastDay = event.lastDay();
    }

    @EventSourcingHandler
    void on(EngagementEnded event) {
        status = EngagementStatus.ENDED;
    }

    @EventSourcingHandler
    void on(EngagementCancelled event) {
        status = EngagementStatus.CANCELLED;
    }

    private LocalDate today(Clock clock) {
        return Today.in(clock, zone());
    }

    private java.time.Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    private ZoneId zone() {
        return ZoneId.of(terms.timeZone());
    }

    private SeatState seat(String seatId) {
        requireText(seatId, "seatId");
        SeatState seat = seats.get(seatId);
        if (seat == null) {
            throw RuleViolation.notFound("seatId", "Engagement " + engagementId + " has no seat " + seatId);
        }
        return seat;
    }

    private void requireStatus(String action, EngagementStatus... allowed) {
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw RuleViolation.illegalState("status", "Cannot " + action + " an engagement that is " + status
                    + " (allowed when " + List.of(allowed) + ")");
        }
    }

    private void requireRunningOr(String action, EngagementStatus also) {
        if (!status.isRunning() && status != also) {
            throw RuleViolation.illegalState("status", "Cannot " + action + " on an engagement that is " + status);
        }
    }

    private static void notBefore(LocalDate date, LocalDate today, String field) {
        if (date.isBefore(today)) {
            throw RuleViolation.invalid(field, "not-in-past", date + " is in the past (today is " + today + ")");
        }
    }

    private static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw RuleViolation.invalid(field, "required", "is required");
        }
        PlausibleDates.check(field, date);
    }

    private void requireTrialRunning(LocalDate today) {
        if (today.isAfter(trialLastDay)) {
            throw RuleViolation.illegalState("trial-lapsed", "The trial ended on " + trialLastDay
                    + " without a decision, so it was accepted by itself on " + trialLastDay.plusDays(1));
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, "required", "is required");
        }
        if (value.length() > MAX_TEXT) {
            throw RuleViolation.invalid(field, "length", "is longer than " + MAX_TEXT + " characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
