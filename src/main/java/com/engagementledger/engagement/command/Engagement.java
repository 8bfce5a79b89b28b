package com.engagementledger.engagement.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.engagement.api.AcceptTrial;
import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.CancelEngagement;
import com.engagementledger.engagement.api.CloseSeatReplacement;
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
import com.engagementledger.engagement.api.IpExclusions;
import com.engagementledger.engagement.api.IpExclusionsSet;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.NoticeGiven;
import com.engagementledger.engagement.api.NoticeWithdrawn;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.PausePeriod;
import com.engagementledger.engagement.api.PauseWithdrawn;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.RateChangeScheduled;
import com.engagementledger.engagement.api.RateChangeWithdrawn;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.RejectTrial;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.ResumeEngagement;
import com.engagementledger.engagement.api.ResumeWithdrawn;
import com.engagementledger.engagement.api.ScheduleRateChange;
import com.engagementledger.engagement.api.ScheduleSeatOverlap;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatCalendar;
import com.engagementledger.engagement.api.SeatHolder;
import com.engagementledger.engagement.api.SeatOverlap;
import com.engagementledger.engagement.api.SeatOverlapScheduled;
import com.engagementledger.engagement.api.SeatProfessionalSwapped;
import com.engagementledger.engagement.api.SeatReleaseWithdrawn;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatReplacementClosed;
import com.engagementledger.engagement.api.SeatReplacementOpened;
import com.engagementledger.engagement.api.SeatWithdrawn;
import com.engagementledger.engagement.api.SetIpExclusions;
import com.engagementledger.engagement.api.StartTrial;
import com.engagementledger.engagement.api.SwapSeatProfessional;
import com.engagementledger.engagement.api.TrialAccepted;
import com.engagementledger.engagement.api.TrialRejected;
import com.engagementledger.engagement.api.TrialStarted;
import com.engagementledger.engagement.api.WithdrawPause;
import com.engagementledger.engagement.api.WithdrawNotice;
import com.engagementledger.engagement.api.WithdrawRateChange;
import com.engagementledger.engagement.api.WithdrawSeatRelease;
import com.engagementledger.engagement.api.WithdrawResume;
import com.engagementledger.invoicing.api.BillingBases.BillingParty;
import com.engagementledger.invoicing.api.BillingBasis;
import com.engagementledger.invoicing.api.BillingInputs;
import com.engagementledger.invoicing.api.CloseInvoicedPeriod;
import com.engagementledger.invoicing.api.CreditDue;
import com.engagementledger.invoicing.api.DraftInvoice;
import com.engagementledger.invoicing.api.InvoiceCalculation;
import com.engagementledger.invoicing.api.InvoiceCalculator;
import com.engagementledger.invoicing.api.InvoiceDraftOpened;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceRecords;
import com.engagementledger.invoicing.api.InvoicedPeriodClosed;
import com.engagementledger.invoicing.api.InvoicedPeriodReopened;
import com.engagementledger.invoicing.api.ReopenInvoicedPeriod;
import com.engagementledger.invoicing.api.TrialOutcome;
import com.engagementledger.invoicing.api.TrialPeriod;
import com.engagementledger.iptransfer.api.EngagementIpTerms.IpTerms;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.api.Money;
import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.time.Today;
import com.engagementledger.replacement.api.EligibilityDecision;
import com.engagementledger.replacement.api.GuaranteeEligibility;
import com.engagementledger.replacement.api.ReplacementOpening;
import com.engagementledger.replacement.api.ReplacementRecords;
import com.engagementledger.replacement.api.RequestReplacement;
import com.engagementledger.timesheet.api.AutoApproval;
import com.engagementledger.timesheet.api.AutoApprovalDue;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.SubmitTimesheet;
import com.engagementledger.timesheet.api.TimesheetHours;
import com.engagementledger.timesheet.api.TimesheetIds;
import com.engagementledger.timesheet.api.TimesheetRecords;
import com.engagementledger.timesheet.api.TimesheetSubmission;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One engagement with a client: its lifecycle, its seats and their rates. Every rule of DESIGN.md §3 is checked here
 * before anything is applied; the event-sourcing handlers only assign state. "Today" is the date in the
 * engagement's time zone on the application clock. Revision 2 keeps the seats in a {@link SeatCalendar}, revision 3
 * also the rate changes withdrawn, revision 4 the date notice was given, revision 5 the seats' holders and overlaps,
 * the billing model and the replacements of the seats, revision 6 the client, the trial's outcome and the invoiced
 * periods, revision 7 the IP exclusions in effect when each invoice closed its period: snapshots of earlier revisions
 * are ignored (the aggregate's {@code @Revision} makes Axon filter snapshots by it) and the engagement is rebuilt
 * from its events.
 */
@Aggregate(snapshotTriggerDefinition = "engagementSnapshotTrigger")
@Revision("7")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Engagement {

    static final String TRIAL_LAPSES = "engagement-trial-lapses";
    static final String NOTICE_RUNS_OUT = "engagement-notice-runs-out";
    private static final int MAX_TEXT = 200;
    private static final int MAX_REASON = 2000;

    @AggregateIdentifier
    private String engagementId;
    private EngagementStatus status;
    private String currency;
    private EngagementTerms terms;
    private LocalDate proposedOn;
    private SeatCalendar calendar;
    private LocalDate trialLastDay;
    private LocalDate noticeDate;
    private Set<String> withdrawnRateChanges = new HashSet<>();
    private BillingModel billingModel;
    /** The replacement each seat holds open, by seat id: one at a time (ADR 0025). */
    private Map<String, String> openReplacements = new HashMap<>();
    /** The seat of every replacement opened on the engagement, by replacement id. */
    private Map<String, String> replacementSeats = new HashMap<>();
    /** The replacements that use one of their seat's free replacements; a withdrawn one may have given it back. */
    private Set<String> freeReplacements = new HashSet<>();
    /** The replacements whose swap is recorded. */
    private Set<String> swappedReplacements = new HashSet<>();
    private String clientId;
    private String clientName;
    private LocalDate trialStart;
    private TrialOutcome trialOutcome;
    private LocalDate trialDecidedOn;
    /** The draft invoice of each period ({@code YYYY-MM}) that has one and is not closed. */
    private Map<String, String> draftInvoices = new HashMap<>();
    /** The close of each invoiced period ({@code YYYY-MM}): the invoice that bills it (ADR 0032). */
    private Map<String, InvoicedPeriodClosed> invoicedPeriods = new HashMap<>();
    /** The replacements whose service credit is on a closed invoice, with that invoice's id. */
    private Map<String, String> invoicedCredits = new HashMap<>();
    /** The background technology excluded from IP transfer: the list set by the last {@link IpExclusionsSet}. */
    private List<String> ipExclusions = new ArrayList<>();
    /**
     * The exclusions in effect when each invoice closed its period (step 2 of its issue), by invoice id: its
     * transfer carries these, however late the transfer policy asks and whatever was set since.
     */
    private Map<String, List<String>> ipExclusionsByInvoice = new HashMap<>();

    protected Engagement() {
        // for Axon and for snapshots
    }

    @CommandHandler
    public Engagement(ProposeEngagement command, Clock clock, BackDatingWindow window,
                      ForwardDatingWindow horizon) {
        requireId(command.engagementId(), "engagementId");
        requireId(command.clientId(), "clientId");
        String clientName = requireText(command.clientName(), "clientName");
        String roleTitle = requireText(command.roleTitle(), "roleTitle");
        Currency money = Money.currency("currency", command.currency());
        if (command.billingModel() == null) {
            throw RuleViolation.invalid("billingModel", "required", "is required (HOURLY or MONTHLY)");
        }
        ZoneId zone = TermsPolicy.validate(command.terms(), horizon);
        if (command.seats() == null || command.seats().isEmpty()) {
            throw RuleViolation.invalid("seats", "not-empty", "an engagement starts with at least one seat");
        }
        LocalDate today = Today.in(clock, zone);
        Set<String> seatIds = new HashSet<>();
        Set<String> professionals = new HashSet<>();
        List<NewSeat> seats = new ArrayList<>();
        for (int i = 0; i < command.seats().size(); i++) {
            NewSeat seat = command.seats().get(i);
            String field = "seats[" + i + "]";
            if (seat == null) {
                throw RuleViolation.invalid(field, "required", field + ": must not be null");
            }
            requireId(seat.seatId(), field + ".seatId");
            requireId(seat.professionalId(), field + ".professionalId");
            String professionalName = requireText(seat.professionalName(), field + ".professionalName");
            requireDate(seat.startDate(), field + ".startDate");
            EffectiveDates.check(field + ".startDate", seat.startDate(), today, window, horizon, today,
                    "before-proposal",
                    "the proposal");
            if (!seatIds.add(seat.seatId())) {
                throw RuleViolation.invalid(field + ".seatId", "unique", "seat id " + seat.seatId() + " repeats");
            }
            if (!professionals.add(seat.professionalId())) {
                throw RuleViolation.invalid(field + ".professionalId", "one-seat-per-professional",
                        "professional " + seat.professionalId() + " already fills another seat");
            }
            BigDecimal rate = Money.positiveAmount(field + ".rate", seat.rate(), money);
            seats.add(new NewSeat(seat.seatId(), seat.professionalId(), professionalName, rate,
                    seat.startDate()));
        }
        apply(new EngagementProposed(command.engagementId(), command.clientId(), clientName,
                roleTitle, money.getCurrencyCode(), command.billingModel(), List.copyOf(seats),
                command.terms(), today));
    }

    @CommandHandler
    public long handle(StartTrial command, Clock clock, BackDatingWindow window, ForwardDatingWindow horizon,
                       DeadlineManager deadlines) {
        requireStatus("start a trial", EngagementStatus.PROPOSED);
        if (terms.trialDays() == 0) {
            throw RuleViolation.illegalState("no-trial",
                    "The terms of this engagement have no trial; activate it instead");
        }
        LocalDate today = today(clock);
        LocalDate start = command.startDate() != null
                ? EffectiveDates.check("startDate", command.startDate(), today, window, horizon, proposedOn,
                        "before-proposal", "the proposal")
                : today;
        LocalDate last = start.plusDays(terms.trialDays() - 1L);
        if (last.isAfter(PlausibleDates.LATEST)) {
            throw RuleViolation.invalid("startDate", "date-range", "a " + terms.trialDays() + "-day trial from "
                    + start + " would last until " + last + ", after " + PlausibleDates.LATEST);
        }
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
        if (today.isBefore(calendar.firstBilledDay())) {
            throw RuleViolation.illegalState("trial-not-started", "The trial starts on " + calendar.firstBilledDay()
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
        String reason = blankToNull(optionalText(command.reason(), "reason"));
        deadlines.cancelAllWithinScope(TRIAL_LAPSES);
        apply(new TrialRejected(engagementId, today(clock), reason));
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
    public long handle(ActivateEngagement command, Clock clock, BackDatingWindow window,
                       ForwardDatingWindow horizon) {
        // the status decides whether activation is possible at all; a date is only worth checking if it is
        requireStatus("activate", EngagementStatus.PROPOSED);
        LocalDate today = today(clock);
        if (command.activationDate() != null) {
            EffectiveDates.check("activationDate", command.activationDate(), today, window, horizon, proposedOn,
                    "before-proposal", "the proposal");
        }
        if (terms.trialDays() > 0) {
            throw RuleViolation.illegalState("trial-required", "The terms of this engagement have a "
                    + terms.trialDays() + "-day trial: start the trial; only a proposal without a trial is activated");
        }
        apply(new EngagementActivated(engagementId,
                command.activationDate() != null ? command.activationDate() : today));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AddSeat command, Clock clock, BackDatingWindow window, ForwardDatingWindow horizon) {
        requireRunningOr("add a seat", EngagementStatus.PROPOSED);
        requireId(command.seatId(), "seatId");
        requireId(command.professionalId(), "professionalId");
        String professionalName = requireText(command.professionalName(), "professionalName");
        requireDate(command.startDate(), "startDate");
        notBeforeStart("startDate", command.startDate(), today(clock), window, horizon);
        BigDecimal rate = Money.positiveAmount("rate", command.rate(), Currency.getInstance(currency));
        if (calendar.seat(command.seatId()).isPresent()) {
            throw RuleViolation.invalid("seatId", "unique", "seat " + command.seatId() + " already exists");
        }
        calendar.seats().stream()
                .filter(seat -> seat.heldByOnOrAfter(command.professionalId(), command.startDate()))
                .findAny()
                .ifPresent(seat -> {
                    throw RuleViolation.invalid("professionalId", "one-seat-per-professional", "professional "
                            + command.professionalId() + " already fills seat " + seat.seatId());
                });
        incomingSeat(command.professionalId(), command.seatId()).ifPresent(replacing -> {
            throw RuleViolation.invalid("professionalId", "one-seat-per-professional", "professional "
                    + command.professionalId() + " is taking over seat " + replacing);
        });
        if (calendar.lastDay() != null && command.startDate().isAfter(calendar.lastDay())) {
            throw RuleViolation.invalid("startDate", "after-last-day",
                    "the engagement's last day is " + calendar.lastDay() + "; a seat from " + command.startDate()
                            + " would never be billed");
        }
        requireNotInvoiced(command.startDate(), "add seat " + command.seatId());
        apply(new SeatAdded(engagementId, command.seatId(), command.professionalId(), professionalName, rate,
                command.startDate()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Releases a seat from {@code releaseDate}; released on or before its first billed day, the seat was never
     * billed and is withdrawn instead. Either way the engagement keeps a seat for every day it still runs
     * ({@link SeatCoverage}); a release after the notice's last day would change nothing and is refused, and so is
     * either while a replacement holds the seat open: it would release the seat under the incoming professional.
     */
    @CommandHandler
    public long handle(ReleaseSeat command, Clock clock, BackDatingWindow window, ForwardDatingWindow horizon,
                       ReplacementRecords replacements) {
        requireRunningOr("release a seat", EngagementStatus.PROPOSED);
        CalendarSeat seat = seat(command.seatId());
        requireDate(command.releaseDate(), "releaseDate");
        LocalDate today = today(clock);
        // any day up to the seat's first billed day withdraws it, so a release is bounded by the proposal only
        EffectiveDates.check("releaseDate", command.releaseDate(), today, window, horizon, proposedOn,
                "before-proposal", "the proposal");
        if (calendar.lastDay() != null && command.releaseDate().isAfter(calendar.lastDay())) {
            throw RuleViolation.invalid("releaseDate", "after-last-day", "the engagement's last day is "
                    + calendar.lastDay() + "; nothing is billed after it, so there is nothing to release from "
                    + command.releaseDate());
        }
        requireNoOpenReplacement(seat.seatId(), "release seat " + seat.seatId(), replacements, today);
        requireNotInvoiced(command.releaseDate(), "release seat " + seat.seatId());
        if (neverBilled(seat, command.releaseDate())) {
            SeatCoverage.check(calendar, seat, seat.startDate(), status);
            apply(new SeatWithdrawn(engagementId, seat.seatId(), today));
            return AggregateLifecycle.getVersion();
        }
        if (seat.releaseDate() != null) {
            throw RuleViolation.illegalState("seat-released", "Seat " + seat.seatId() + " was already released from "
                    + seat.releaseDate() + "; withdraw the release first to release it on another day");
        }
        SeatCoverage.check(calendar, seat, command.releaseDate(), status);
        apply(new SeatReleased(engagementId, seat.seatId(), command.releaseDate()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A release can be taken back while its date is after today or within the back-dating window, like a pause: the
     * seat runs on. An older one stays; the professional is given a new seat instead. The professional must not fill
     * another seat by then, one seat per professional at a time.
     */
    @CommandHandler
    public long handle(WithdrawSeatRelease command, Clock clock, BackDatingWindow window) {
        requireRunningOr("withdraw a seat release", EngagementStatus.PROPOSED);
        CalendarSeat seat = seat(command.seatId());
        String reason = blankToNull(optionalText(command.reason(), "reason"));
        if (seat.releaseDate() == null) {
            throw RuleViolation.illegalState("not-released", "Seat " + seat.seatId() + " is not released");
        }
        LocalDate today = today(clock);
        if (seat.releaseDate().isBefore(window.earliest(today))) {
            throw RuleViolation.illegalState("release-in-effect", "Seat " + seat.seatId() + " was released from "
                    + seat.releaseDate() + ", more than " + window.backDatingDays() + " days before today (" + today
                    + "), the back-dating window; add a new seat for the professional instead");
        }
        String professionalId = seat.lastHolder().professionalId();
        calendar.seats().stream()
                .filter(other -> !other.seatId().equals(seat.seatId()))
                .filter(other -> other.heldByOnOrAfter(professionalId, seat.releaseDate()))
                .findAny()
                .ifPresent(other -> {
                    throw RuleViolation.illegalState("one-seat-per-professional", "Professional "
                            + professionalId + " fills seat " + other.seatId() + " after " + seat.seatId()
                            + "'s release on " + seat.releaseDate() + "; release or withdraw that seat first");
                });
        incomingSeat(professionalId, seat.seatId()).ifPresent(replacing -> {
            throw RuleViolation.illegalState("one-seat-per-professional", "Professional " + professionalId
                    + " is taking over seat " + replacing + "; complete or withdraw that replacement first");
        });
        if (calendar.lastDay() != null) {
            // the release kept its later rate changes from counting against the notice; back in force, they would
            String after = seat.rates().scheduledAfter(calendar.lastDay()).stream()
                    .filter(step -> step.rateChangeId() != null)
                    .map(step -> "rate change " + step.rateChangeId() + " effective " + step.effectiveDate())
                    .collect(Collectors.joining(", "));
            if (!after.isEmpty()) {
                throw RuleViolation.illegalState("scheduled-after-last-day", "Seat " + seat.seatId() + " has "
                        + after + ", after the notice's last day " + calendar.lastDay() + "; withdraw it first");
            }
        }
        requireNotInvoiced(seat.releaseDate(), "withdraw the release of seat " + seat.seatId());
        apply(new SeatReleaseWithdrawn(engagementId, seat.seatId(), seat.releaseDate(), today, reason));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ScheduleRateChange command, Clock clock, ForwardDatingWindow horizon) {
        requireRunningOr("change a rate", EngagementStatus.PROPOSED);
        requireId(command.rateChangeId(), "rateChangeId");
        BigDecimal rate = Money.positiveAmount("newRate", command.newRate(), Currency.getInstance(currency));
        LocalDate today = today(clock);
        String reason = optionalText(command.reason(), "reason");
        RateChangePolicy.check(today, command.effectiveDate(), reason, terms, calendar.lastDay());
        EffectiveDates.notAfterHorizon("effectiveDate", command.effectiveDate(), today, horizon);
        if (!stepsOf(command.rateChangeId()).isEmpty()) {
            throw RuleViolation.invalid("rateChangeId", "unique", "rate change " + command.rateChangeId()
                    + " already exists");
        }
        List<CalendarSeat> affected;
        if (command.seatId() != null) {
            CalendarSeat seat = seat(command.seatId());
            if (!seat.openOn(command.effectiveDate())) {
                throw RuleViolation.invalid("effectiveDate", "seat-open", "seat " + seat.seatId()
                        + " is not billed on " + command.effectiveDate());
            }
            affected = List.of(seat);
        } else {
            affected = calendar.seats().stream().filter(seat -> seat.openOn(command.effectiveDate())).toList();
            if (affected.isEmpty()) {
                throw RuleViolation.invalid("effectiveDate", "seat-open",
                        "no seat is billed on " + command.effectiveDate());
            }
        }
        requireNotInvoiced(command.effectiveDate(), "change a rate");
        RateChangePolicy.seatsToChange(affected, command.effectiveDate(), rate)
                .forEach(seat -> apply(new RateChangeScheduled(engagementId, seat.seatId(), rate,
                        command.effectiveDate(), today, reason, command.rateChangeId())));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A rate change can be taken back while its effective date lies within the back-dating window, like a pause or a
     * resume (a wrong rate entered today could otherwise never be corrected: a new one needs the rate-change notice);
     * an older one has been billed and stays.
     */
    @CommandHandler
    public long handle(WithdrawRateChange command, Clock clock, BackDatingWindow window) {
        requireRunningOr("withdraw a rate change", EngagementStatus.PROPOSED);
        requireId(command.rateChangeId(), "rateChangeId");
        String reason = blankToNull(optionalText(command.reason(), "reason"));
        List<RateStep> steps = stepsOf(command.rateChangeId());
        if (steps.isEmpty() && withdrawnRateChanges.contains(command.rateChangeId())) {
            throw RuleViolation.illegalState("already-withdrawn", "Rate change " + command.rateChangeId()
                    + " was already withdrawn");
        }
        if (steps.isEmpty()) {
            throw RuleViolation.notFound("rateChangeId", "Engagement " + engagementId
                    + " has no scheduled rate change " + command.rateChangeId());
        }
        LocalDate today = today(clock);
        LocalDate effective = steps.get(0).effectiveDate();
        if (effective.isBefore(window.earliest(today))) {
            throw RuleViolation.illegalState("rate-change-in-effect", "Rate change " + command.rateChangeId()
                    + " took effect on " + effective + ", more than " + window.backDatingDays() + " days before today ("
                    + today + "), the back-dating window; the days billed at its rate are no longer corrected");
        }
        requireNotInvoiced(effective, "withdraw rate change " + command.rateChangeId());
        apply(new RateChangeWithdrawn(engagementId, command.rateChangeId(), today, reason));
        return AggregateLifecycle.getVersion();
    }

    /** Under notice a pause may still start, on or before the last day, so that the last day stays the last billed. */
    @CommandHandler
    public long handle(PauseEngagement command, Clock clock, BackDatingWindow window,
                       ForwardDatingWindow horizon) {
        LocalDate today = today(clock);
        if (status == EngagementStatus.PAUSED || status == EngagementStatus.NOTICE_GIVEN) {
            calendar.openPause().ifPresent(pause -> {
                refuseScheduledPause("pause", pause, today);
                throw RuleViolation.illegalState("paused", "Cannot pause: the engagement is already paused from "
                        + pause.from() + "; resume it first");
            });
        }
        requireStatus("pause", EngagementStatus.ACTIVE, EngagementStatus.NOTICE_GIVEN);
        LocalDate pauseDate = command.pauseDate() != null
                ? EffectiveDates.within("pauseDate", command.pauseDate(), today, window, horizon) : today;
        if (pauseDate.isBefore(calendar.firstBilledDay())) {
            throw RuleViolation.invalid("pauseDate", "before-start", "the engagement is billed from "
                    + calendar.firstBilledDay() + "; a pause starts on that day or later, not " + pauseDate);
        }
        calendar.lastClosedPause().ifPresent(last -> {
            if (pauseDate.isBefore(last.until())) {
                throw RuleViolation.invalid("pauseDate", "after-resume", "billing resumes on " + last.until()
                        + "; a new pause starts on that day or later, not " + pauseDate);
            }
        });
        if (calendar.lastDay() != null && pauseDate.isAfter(calendar.lastDay())) {
            throw RuleViolation.invalid("pauseDate", "after-last-day", "the engagement's last day is "
                    + calendar.lastDay() + "; nothing is billed after it, so there is nothing to pause from "
                    + pauseDate);
        }
        requireNotInvoiced(pauseDate, "pause");
        apply(new EngagementPaused(engagementId, pauseDate));
        return AggregateLifecycle.getVersion();
    }

    /** A paused engagement under notice can still resume, on or before its last day. */
    @CommandHandler
    public long handle(ResumeEngagement command, Clock clock, BackDatingWindow window,
                       ForwardDatingWindow horizon) {
        requireStatus("resume", EngagementStatus.PAUSED, EngagementStatus.NOTICE_GIVEN);
        PausePeriod pause = calendar.openPause().orElseThrow(() -> RuleViolation.illegalState("not-paused",
                "Cannot resume: the engagement is under notice but not paused"));
        LocalDate today = today(clock);
        LocalDate resumeDate = command.resumeDate() != null
                ? EffectiveDates.within("resumeDate", command.resumeDate(), today, window, horizon) : today;
        if (!resumeDate.isAfter(pause.from())) {
            throw RuleViolation.invalid("resumeDate", "after-pause", "the pause starts on " + pause.from()
                    + "; billing resumes on a later day, not " + resumeDate);
        }
        if (calendar.lastDay() != null && resumeDate.isAfter(calendar.lastDay())) {
            throw RuleViolation.invalid("resumeDate", "after-last-day", "the engagement's last day is "
                    + calendar.lastDay() + "; billing cannot resume after it, on " + resumeDate);
        }
        requireNotInvoiced(resumeDate, "resume");
        apply(new EngagementResumed(engagementId, resumeDate));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A pause without a resume can be taken back while its start lies within the back-dating window (a pause
     * recorded today by mistake is corrected like any other back-dated entry); an older one only a resume ends.
     */
    @CommandHandler
    public long handle(WithdrawPause command, Clock clock, BackDatingWindow window) {
        String reason = blankToNull(optionalText(command.reason(), "reason"));
        LocalDate today = today(clock);
        PausePeriod pause = calendar.openPause().orElseThrow(() -> RuleViolation.illegalState("not-scheduled",
                calendar.pauses().isEmpty() ? "Cannot withdraw a pause: none is recorded"
                        : "Cannot withdraw a pause: the last one, from " + calendar.pauses()
                        .get(calendar.pauses().size() - 1).from() + ", already has a resume; withdraw the resume"
                        + " first if it has not taken effect"));
        requireStatus("withdraw a pause", EngagementStatus.PAUSED, EngagementStatus.NOTICE_GIVEN);
        if (pause.from().isBefore(window.earliest(today))) {
            throw RuleViolation.illegalState("pause-started", "The pause started on " + pause.from()
                    + ", more than " + window.backDatingDays() + " days before today (" + today
                    + "), the back-dating window; resume the engagement instead");
        }
        requireNotInvoiced(pause.from(), "withdraw the pause");
        apply(new PauseWithdrawn(engagementId, pause.from(), today, reason));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A resume can be taken back while its date lies within the back-dating window: the pause it ended is open
     * again. An older one stays; the engagement is paused again instead.
     */
    @CommandHandler
    public long handle(WithdrawResume command, Clock clock, BackDatingWindow window) {
        String reason = blankToNull(optionalText(command.reason(), "reason"));
        LocalDate today = today(clock);
        if (!status.isRunning()) {
            throw RuleViolation.illegalState("status", "Cannot withdraw a resume: " + statusText());
        }
        PausePeriod resumed = calendar.openPause().isPresent() ? null : calendar.lastClosedPause().orElse(null);
        if (resumed == null) {
            throw RuleViolation.illegalState("not-scheduled",
                    "Cannot withdraw a resume: no resume is recorded after the last pause");
        }
        if (resumed.until().isBefore(window.earliest(today))) {
            throw RuleViolation.illegalState("resume-in-effect", "Billing resumed on " + resumed.until()
                    + ", more than " + window.backDatingDays() + " days before today (" + today
                    + "), the back-dating window; pause the engagement again instead");
        }
        requireNotInvoiced(resumed.until(), "withdraw the resume");
        apply(new ResumeWithdrawn(engagementId, resumed.until(), today, reason));
        return AggregateLifecycle.getVersion();
    }

    /** Refused while any seat's replacement is open: the notice would end the seat under the incoming professional. */
    @CommandHandler
    public long handle(GiveNotice command, Clock clock, ForwardDatingWindow horizon, DeadlineManager deadlines,
                       ReplacementRecords replacements) {
        requireStatus("give notice", EngagementStatus.ACTIVE, EngagementStatus.PAUSED);
        LocalDate today = today(clock);
        String reason = optionalText(command.reason(), "reason");
        NoticePolicy.check(today, command.lastDay(), command.forCause(), reason, terms);
        LocalDate lastDay = command.lastDay();
        // a notice is withdrawn only within the back-dating window: a last day centuries away would trap the
        // engagement under notice for ever
        EffectiveDates.notAfterHorizon("lastDay", lastDay, today, horizon);
        if (lastDay.isBefore(calendar.firstBilledDay())) {
            throw RuleViolation.invalid("lastDay", "before-first-billed-day", "the engagement is billed from "
                    + calendar.firstBilledDay() + "; its last day cannot be earlier, not " + lastDay);
        }
        ScheduledAfterLastDay.check(calendar, lastDay);
        requireNoOpenReplacements(replacements, today);
        requireNotInvoiced(lastDay.plusDays(1), "end the engagement after " + lastDay);
        apply(new NoticeGiven(engagementId, today, lastDay, command.forCause(), blankToNull(reason)));
        deadlines.schedule(startOf(lastDay.plusDays(1)), NOTICE_RUNS_OUT);
        return AggregateLifecycle.getVersion();
    }

    /**
     * A notice given within the back-dating window can be taken back, like any other entry of that window: the
     * engagement runs on as active, or paused if a pause without a resume is recorded, and its end is no longer
     * scheduled. An older notice stands.
     */
    @CommandHandler
    public long handle(WithdrawNotice command, Clock clock, BackDatingWindow window, DeadlineManager deadlines) {
        requireStatus("withdraw a notice", EngagementStatus.NOTICE_GIVEN);
        String reason = blankToNull(optionalText(command.reason(), "reason"));
        LocalDate today = today(clock);
        if (noticeDate.isBefore(window.earliest(today))) {
            throw RuleViolation.illegalState("notice-in-effect", "Notice was given on " + noticeDate + ", more than "
                    + window.backDatingDays() + " days before today (" + today + "), the back-dating window; the"
                    + " engagement ends after " + calendar.lastDay());
        }
        if (calendar.lastDay().isBefore(today)) {
            throw RuleViolation.illegalState("notice-ran-out", "The notice ran out on " + calendar.lastDay()
                    + "; the engagement ends");
        }
        deadlines.cancelAllWithinScope(NOTICE_RUNS_OUT);
        apply(new NoticeWithdrawn(engagementId, noticeDate, today, reason));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(EndEngagement command, Clock clock, DeadlineManager deadlines) {
        // a recorded pause, even a scheduled one, means no notice: only the status is the reason end is refused
        requireStatus("end", EngagementStatus.NOTICE_GIVEN);
        LocalDate today = today(clock);
        if (!today.isAfter(calendar.lastDay())) {
            throw RuleViolation.illegalState("notice-running", "The notice runs until " + calendar.lastDay()
                    + "; the engagement ends by itself after that day");
        }
        deadlines.cancelAllWithinScope(NOTICE_RUNS_OUT);
        apply(new EngagementEnded(engagementId, calendar.lastDay(), today, false));
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = NOTICE_RUNS_OUT)
    public void onNoticeRanOut() {
        if (status != EngagementStatus.NOTICE_GIVEN) {
            return;
        }
        LocalDate lastDay = calendar.lastDay();
        apply(new EngagementEnded(engagementId, lastDay, lastDay.plusDays(1), true),
                MetaData.with(AuditMetadata.REASON, "the notice period ended on " + lastDay));
    }

    @CommandHandler
    public long handle(CancelEngagement command, Clock clock) {
        requireStatus("cancel", EngagementStatus.PROPOSED);
        String reason = optionalText(command.reason(), "reason");
        apply(new EngagementCancelled(engagementId, today(clock), blankToNull(reason)));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Replaces the background technology excluded from IP transfer on the invoices issued from now on; not once the
     * engagement is over (ended, cancelled, trial rejected), when no invoice is issued for new work.
     */
    @CommandHandler
    public long handle(SetIpExclusions command) {
        if (status.isTerminal()) {
            throw RuleViolation.illegalState("status", "Cannot set the IP exclusions: " + statusText()
                    + " (only while it is not ENDED, CANCELLED or TRIAL_REJECTED)");
        }
        List<String> exclusions = IpExclusions.check("exclusions", command.exclusions());
        String reason = optionalText(command.reason(), "reason");
        if (PlainText.isBlank(reason)) {
            throw RuleViolation.invalid("reason", "required", "reason: required, say why the exclusions change");
        }
        if (exclusions.equals(ipExclusions)) {
            throw RuleViolation.illegalState("no-change", "The engagement already excludes exactly these items"
                    + " from IP transfer");
        }
        apply(new IpExclusionsSet(engagementId, exclusions, reason));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Opens a replacement of a seat's professional (DESIGN.md §3). The engagement decides it, because it owns what
     * the decision rests on: the seat and its dates, the seat's free replacements and the rule of one open
     * replacement per seat (ADR 0025). The replacement is created in the same unit of work, with everything it
     * needs to know ({@link ReplacementOpening}).
     */
    @CommandHandler
    public long handle(RequestReplacement command, Clock clock, BusinessDays businessDays,
                       ReplacementRecords replacements) {
        requireStatus("request a replacement", EngagementStatus.ACTIVE, EngagementStatus.PAUSED,
                EngagementStatus.NOTICE_GIVEN);
        requireId(command.replacementId(), "replacementId");
        if (command.reason() == null) {
            throw RuleViolation.invalid("reason", "required",
                    "is required (NON_PERFORMANCE, ATTRITION or CLIENT_REQUEST)");
        }
        String note = blankToNull(optionalText(command.note(), "note"));
        CalendarSeat seat = seat(command.seatId());
        if (replacementSeats.containsKey(command.replacementId())) {
            throw RuleViolation.invalid("replacementId", "unique", "replacement " + command.replacementId()
                    + " already exists");
        }
        LocalDate today = today(clock);
        LocalDate seatFirstDay = later(seat.startDate(), calendar.firstBilledDay());
        if (seatFirstDay.isAfter(today)) {
            throw RuleViolation.illegalState("seat-not-started", "Seat " + seat.seatId() + " is billed from "
                    + seatFirstDay + "; its professional can be replaced from that day");
        }
        if (seat.releaseDate() != null && !seat.releaseDate().isAfter(today)) {
            throw RuleViolation.illegalState("seat-released", "Seat " + seat.seatId() + " was released from "
                    + seat.releaseDate() + "; there is no professional to replace");
        }
        LocalDate seatLastDay = seatLastDay(seat);
        // the earliest the overlap can end: the incoming professional starts today and works every overlap day
        LocalDate earliestOverlapEnd = businessDays.plus(today.minusDays(1), terms.overlapBusinessDays());
        if (seatLastDay != null && !earliestOverlapEnd.isBefore(seatLastDay)) {
            throw RuleViolation.illegalState("seat-ends-before-overlap", "Seat " + seat.seatId()
                    + " is billed until " + seatLastDay + "; an overlap of " + terms.overlapBusinessDays()
                    + " business days starting today would last until " + earliestOverlapEnd
                    + ", leaving the new professional no day in the seat alone");
        }
        requireNoOpenReplacement(seat.seatId(), "request a replacement for seat " + seat.seatId(), replacements,
                today);
        GuaranteeEligibility guarantee = new GuaranteeEligibility(terms.guaranteeWindowDays(),
                terms.freeReplacementsPerSeat());
        EligibilityDecision decision = guarantee.decide(command.reason(), seat.startDate(), today,
                freeReplacementsUsed(seat.seatId()));
        LocalDate slaDueDate = businessDays.plus(today, terms.replacementSlaBusinessDays());
        SeatHolder outgoing = seat.holderOn(today);
        apply(new SeatReplacementOpened(engagementId, seat.seatId(), command.replacementId(), today,
                decision.usesFreeReplacement()));
        replacements.open(new ReplacementOpening(command.replacementId(), engagementId, seat.seatId(),
                command.reason(), note, decision, today, slaDueDate, terms.replacementSlaBusinessDays(),
                terms.overlapBusinessDays(), terms.timeZone(), outgoing.professionalId(),
                outgoing.professionalName(), seat.startDate(), guarantee.guaranteeEndsOn(seat.startDate()),
                seatLastDay, billingModel, seat.rates().rateOn(slaDueDate).orElseThrow(), currency));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Opens a seat's timesheet for an ISO week (DESIGN.md §3, Timesheets; ADR 0031). The engagement decides it,
     * because it owns what the decision rests on: the billing model, the seat, and the days its calendar bills the
     * seat. The timesheet's id is derived from seat and week ({@link TimesheetIds}), so a second timesheet for the
     * same week is refused here and, should two submissions race, by the event store. The timesheet is created in
     * the same unit of work, and its auto-approval deadline set in its scope.
     */
    @CommandHandler
    public String handle(SubmitTimesheet command, Clock clock, TimesheetRecords timesheets,
                         DeadlineManager deadlines) {
        if (billingModel != BillingModel.HOURLY) {
            throw RuleViolation.illegalState("hourly-only", "Engagement " + engagementId + " is billed "
                    + billingModel + "; timesheets are kept for HOURLY engagements only");
        }
        requireStatus("submit a timesheet", EngagementStatus.TRIAL, EngagementStatus.ACTIVE,
                EngagementStatus.PAUSED, EngagementStatus.NOTICE_GIVEN, EngagementStatus.ENDED);
        CalendarSeat seat = seat(command.seatId());
        IsoWeek week = IsoWeek.parse("week", command.week());
        LocalDate today = today(clock);
        if (week.monday().isAfter(today)) {
            throw RuleViolation.invalid("week", "future-week", "week " + week + " starts on " + week.monday()
                    + ", after today (" + today + ")");
        }
        List<LocalDate> billedDays = week.days().stream().filter(day -> calendar.billedOn(seat, day)).toList();
        if (billedDays.isEmpty()) {
            throw RuleViolation.invalid("week", "no-billed-day", "seat " + seat.seatId() + " is billed on no day of"
                    + " week " + week + " (" + week.monday() + " to " + week.sunday() + ")");
        }
        SortedMap<LocalDate, BigDecimal> hours = TimesheetHours.check(command.hours(), week, Set.copyOf(billedDays), today);
        String timesheetId = TimesheetIds.of(engagementId, seat.seatId(), week);
        if (timesheets.exists(timesheetId)) {
            throw RuleViolation.illegalState("timesheet-exists", "Seat " + seat.seatId() + " already has timesheet "
                    + timesheetId + " for week " + week + "; resubmit it when disputed or correct it when approved");
        }
        timesheets.submit(new TimesheetSubmission(timesheetId, engagementId, seat.seatId(), week.toString(),
                terms.timeZone(), hours, billedDays, today));
        deadlines.schedule(AutoApproval.at(today, zone()), AutoApproval.DEADLINE, new AutoApprovalDue(1),
                AutoApproval.scope(timesheetId));
        return timesheetId;
    }

    /**
     * Records the overlap of the replacement the seat holds open, once. The replacement process sends it and retries
     * a failure for ever, so nothing here refuses: a repeat, or an overlap of a replacement the seat no longer holds
     * open (closed meanwhile, ADR 0025), changes nothing.
     */
    @CommandHandler
    public long handle(ScheduleSeatOverlap command) {
        boolean recorded = calendar.seat(command.seatId())
                .flatMap(seat -> seat.overlap(command.replacementId()))
                .isPresent();
        if (holdsOpen(command.seatId(), command.replacementId()) && !recorded && command.from() != null
                && command.to() != null) {
            apply(new SeatOverlapScheduled(engagementId, command.seatId(), command.replacementId(),
                    command.professionalId(), command.professionalName(), command.from(), command.to(),
                    command.zeroRated()));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Records the swap of a completed replacement, once, in any status: it is a consequence of the replacement, not
     * a decision of the engagement, and the days it dates are billed whatever became of the engagement since. Also
     * for a replacement the seat no longer holds open: a completed one cannot have been withdrawn, so its swap stands.
     */
    @CommandHandler
    public long handle(SwapSeatProfessional command) {
        if (command.replacementId() != null && !swappedReplacements.contains(command.replacementId())
                && calendar.seat(command.seatId()).isPresent() && command.professionalId() != null
                && command.swapDate() != null) {
            apply(new SeatProfessionalSwapped(engagementId, command.seatId(), command.replacementId(),
                    command.professionalId(), command.professionalName(), command.swapDate(),
                    command.overlapTo()));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Frees the seat of a withdrawn replacement, in any status. A repeat, or one for a replacement the seat no longer
     * holds open (already closed when it stood in the way, ADR 0025), changes nothing. The free replacement comes
     * back only if the replacement had used one.
     */
    @CommandHandler
    public long handle(CloseSeatReplacement command) {
        if (holdsOpen(command.seatId(), command.replacementId())) {
            apply(new SeatReplacementClosed(engagementId, command.seatId(), command.replacementId(),
                    command.closedOn(), command.overlapTo(),
                    command.freeReplacementReturned() && freeReplacements.contains(command.replacementId())));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Drafts the invoice of a calendar month in the engagement's zone, or regenerates the month's draft (DESIGN.md
     * §3, Invoice; ADR 0032). The engagement decides it, because it owns what the lines are computed from (its seat
     * calendar, trial, rates and replacements) and which of its periods are invoiced; the draft is created, or
     * regenerated, in the same unit of work. The answer is the draft's invoice id.
     */
    @CommandHandler
    public String handle(DraftInvoice command, Clock clock, BillingInputs inputs, InvoiceRecords invoices) {
        YearMonth period = command.period();
        if (period == null) {
            throw RuleViolation.invalid("period", "required", "period: must not be null (YYYY-MM)");
        }
        if (status == EngagementStatus.CANCELLED || calendar.firstBilledDay() == null || rejectedBeforeStart()) {
            throw RuleViolation.illegalState("not-started", "Engagement " + engagementId + " is " + status
                    + " and was never billed a day; there is nothing to invoice");
        }
        LocalDate today = today(clock);
        YearMonth first = YearMonth.from(calendar.firstBilledDay());
        if (period.isBefore(first)) {
            throw RuleViolation.invalid("period", "before-first-billed-month", "the engagement is billed from "
                    + calendar.firstBilledDay() + "; there is nothing to invoice in " + period);
        }
        if (period.isAfter(YearMonth.from(today))) {
            throw RuleViolation.invalid("period", "future-period", period + " is after the current month ("
                    + YearMonth.from(today) + ")");
        }
        LocalDate lastBilledDay = lastBilledDay();
        if (lastBilledDay != null && period.isAfter(YearMonth.from(lastBilledDay))) {
            throw RuleViolation.invalid("period", "after-last-day", "the engagement's last billed day is "
                    + lastBilledDay + "; there is nothing to invoice in " + period);
        }
        String key = period.toString();
        InvoicedPeriodClosed closed = invoicedPeriods.get(key);
        if (closed != null) {
            throw RuleViolation.illegalState("period-invoiced", "Period " + key + " of engagement " + engagementId
                    + " is invoiced by invoice " + closed.invoiceId() + "; void that invoice to draft the period again");
        }
        InvoiceCalculation calculation = InvoiceCalculator.calculate(billingBasis(period.atDay(1),
                period.atEndOfMonth(), inputs), period);
        String draft = draftInvoices.get(key);
        if (draft != null) {
            invoices.regenerate(draft, calculation.lines(), calculation.total().amount(), today);
            return draft;
        }
        requireId(command.invoiceId(), "invoiceId");
        apply(new InvoiceDraftOpened(engagementId, command.invoiceId(), key));
        invoices.draft(new InvoiceDrafted(command.invoiceId(), engagementId, clientId, clientName, currency, key,
                terms.timeZone(), terms.paymentTermsDays(), terms.ipTrigger(), calculation.lines(),
                calculation.total().amount(), today));
        return command.invoiceId();
    }

    /**
     * Closes the period of a draft for its issue (ADR 0032): only once the period has ended in the engagement's zone
     * (invoices are issued in arrears). The lines are computed a last time under the engagement's lock; the issue
     * date is today, the due date that plus the payment terms, and the credits on it are on no later invoice. The
     * answer is the close, also when it was recorded before.
     */
    @CommandHandler
    public InvoicedPeriodClosed handle(CloseInvoicedPeriod command, Clock clock, BillingInputs inputs) {
        requireId(command.invoiceId(), "invoiceId");
        Optional<InvoicedPeriodClosed> recorded = closeOf(command.invoiceId());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        String key = draftPeriodOf(command.invoiceId()).orElseThrow(() -> RuleViolation.illegalState("not-a-draft",
                "Invoice " + command.invoiceId() + " is no draft of engagement " + engagementId
                        + " (voided, or never drafted here)"));
        YearMonth period = YearMonth.parse(key);
        LocalDate today = today(clock);
        if (!today.isAfter(period.atEndOfMonth())) {
            throw RuleViolation.illegalState("period-not-ended", "Period " + key + " ends on "
                    + period.atEndOfMonth() + " in " + terms.timeZone() + "; it is invoiced in arrears, from "
                    + period.atEndOfMonth().plusDays(1));
        }
        BillingBasis basis = billingBasis(period.atDay(1), period.atEndOfMonth(), inputs);
        InvoiceCalculation calculation = InvoiceCalculator.calculate(basis, period);
        InvoicedPeriodClosed closed = new InvoicedPeriodClosed(engagementId, command.invoiceId(), key, today,
                today.plusDays(terms.paymentTermsDays()), currency, calculation.lines(),
                calculation.total().amount(), basis.credits().stream().map(CreditDue::replacementId).toList());
        apply(closed);
        return closed;
    }

    /**
     * Frees the period of a voided invoice, and the credits it carried: they are due again. For a draft voided, its
     * period only (the draft freed it already when voided, {@link #releaseDraft}). Idempotent; never refused.
     */
    @CommandHandler
    public long handle(ReopenInvoicedPeriod command) {
        Optional<InvoicedPeriodClosed> closed = closeOf(command.invoiceId());
        if (closed.isPresent()) {
            apply(new InvoicedPeriodReopened(engagementId, command.invoiceId(), closed.get().period(),
                    closed.get().creditReplacementIds()));
        } else {
            draftPeriodOf(command.invoiceId()).ifPresent(period -> apply(new InvoicedPeriodReopened(engagementId,
                    command.invoiceId(), period, List.of())));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * A draft being voided frees its period, in the draft's unit of work; refused once the period is closed for the
     * invoice: its issue is under way and completes (ADR 0032). Nothing to do for an invoice that holds no period.
     */
    void releaseDraft(String invoiceId) {
        closeOf(invoiceId).ifPresent(closed -> {
            throw RuleViolation.illegalState("issue-in-progress", "Invoice " + invoiceId + " is being issued for "
                    + closed.period() + " (its period is closed); void it once it is issued");
        });
        draftPeriodOf(invoiceId).ifPresent(period -> apply(new InvoicedPeriodReopened(engagementId, invoiceId,
                period, List.of())));
    }

    /**
     * What an invoice of the days {@code from} to {@code to} is computed from: the calendar, trial and billing model,
     * the approved hours of the seats on those days (an {@code HOURLY} engagement's), and the credits its
     * replacements granted that are on no closed invoice.
     */
    BillingBasis billingBasis(LocalDate from, LocalDate to, BillingInputs inputs) {
        List<String> seatIds = calendar.seats().stream().map(CalendarSeat::seatId).toList();
        List<com.engagementledger.invoicing.api.ApprovedHours> hours = billingModel == BillingModel.HOURLY
                ? inputs.approvedHours(engagementId, seatIds, from, to) : List.of();
        List<String> creditsDue = replacementSeats.keySet().stream()
                .filter(replacementId -> !invoicedCredits.containsKey(replacementId))
                .sorted()
                .toList();
        Currency money = Currency.getInstance(currency);
        List<CreditDue> credits = inputs.creditsGranted(creditsDue).stream()
                .filter(credit -> credit.amount().currency().equals(money))
                .toList();
        return new BillingBasis(engagementId, money, billingModel, calendar, trialPeriod(), hours, credits);
    }

    /** The engagement as the billing views need it around a basis. */
    BillingParty billingParty() {
        return new BillingParty(engagementId, clientId, clientName, currency, terms.timeZone(),
                calendar.firstBilledDay(), lastBilledDay());
    }

    /**
     * The engagement as the IP transfer of the invoice needs it: the exclusions in effect when that invoice closed
     * its period; the current ones only for an invoice this engagement has no record of closing (an invoice stored
     * without its close: a repair, an import).
     */
    IpTerms ipTerms(String invoiceId) {
        return new IpTerms(engagementId, clientName,
                List.copyOf(ipExclusionsByInvoice.getOrDefault(invoiceId, ipExclusions)));
    }

    private TrialPeriod trialPeriod() {
        if (trialStart == null) {
            return null;
        }
        return new TrialPeriod(trialStart, trialLastDay, trialOutcome, trialDecidedOn);
    }

    /** A trial rejected before its first day billed nothing. */
    private boolean rejectedBeforeStart() {
        return trialOutcome == TrialOutcome.REJECTED && trialDecidedOn != null && trialDecidedOn.isBefore(trialStart);
    }

    /** The last day billing can reach: the notice's last day, or the day a trial was rejected; null when open. */
    private LocalDate lastBilledDay() {
        if (status == EngagementStatus.TRIAL_REJECTED && trialStart != null) {
            return trialPeriod().workedUntil();
        }
        return calendar.lastDay();
    }

    private Optional<InvoicedPeriodClosed> closeOf(String invoiceId) {
        return invoicedPeriods.values().stream().filter(closed -> closed.invoiceId().equals(invoiceId)).findFirst();
    }

    private Optional<String> draftPeriodOf(String invoiceId) {
        return draftInvoices.entrySet().stream().filter(draft -> draft.getValue().equals(invoiceId))
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * A change effective on {@code date} reaches every period that ends on or after it: refused when one of them is
     * invoiced (closed for an issue), naming the earliest such period and its invoice. Void the invoice first.
     */
    private void requireNotInvoiced(LocalDate date, String action) {
        if (date == null) {
            return;
        }
        invoicedPeriods.values().stream()
                .filter(closed -> !date.isAfter(YearMonth.parse(closed.period()).atEndOfMonth()))
                .min(Comparator.comparing(InvoicedPeriodClosed::period))
                .ifPresent(closed -> {
                    throw RuleViolation.illegalState("period-invoiced", "Cannot " + action + " from " + date
                            + ": period " + closed.period() + " is invoiced by invoice " + closed.invoiceId()
                            + "; void that invoice first");
                });
    }

    @EventSourcingHandler
    void on(IpExclusionsSet event) {
        ipExclusions = new ArrayList<>(event.exclusions());
    }

    @EventSourcingHandler
    void on(InvoiceDraftOpened event) {
        draftInvoices.put(event.period(), event.invoiceId());
    }

    @EventSourcingHandler
    void on(InvoicedPeriodClosed event) {
        draftInvoices.remove(event.period(), event.invoiceId());
        invoicedPeriods.put(event.period(), event);
        ipExclusionsByInvoice.put(event.invoiceId(), List.copyOf(ipExclusions));
        event.creditReplacementIds().forEach(replacementId -> invoicedCredits.put(replacementId, event.invoiceId()));
    }

    @EventSourcingHandler
    void on(InvoicedPeriodReopened event) {
        draftInvoices.remove(event.period(), event.invoiceId());
        InvoicedPeriodClosed closed = invoicedPeriods.get(event.period());
        if (closed != null && closed.invoiceId().equals(event.invoiceId())) {
            invoicedPeriods.remove(event.period());
        }
        event.creditReplacementIds().forEach(replacementId -> invoicedCredits.remove(replacementId,
                event.invoiceId()));
    }

    @EventSourcingHandler
    void on(EngagementProposed event) {
        engagementId = event.engagementId();
        clientId = event.clientId();
        clientName = event.clientName();
        status = EngagementStatus.PROPOSED;
        currency = event.currency();
        terms = event.terms();
        billingModel = event.billingModel();
        proposedOn = event.proposedOn();
        calendar = SeatCalendar.of(event.seats().stream()
                .map(seat -> new CalendarSeat(seat.seatId(), seat.professionalId(), seat.professionalName(),
                        seat.startDate(), null, RateSchedule.startingAt(seat.startDate(), seat.rate())))
                .toList());
    }

    @EventSourcingHandler
    void on(TrialStarted event) {
        status = EngagementStatus.TRIAL;
        calendar = calendar.startingOn(event.startDate());
        trialLastDay = event.lastDay();
        trialStart = event.startDate();
        trialOutcome = TrialOutcome.UNDECIDED;
    }

    @EventSourcingHandler
    void on(TrialAccepted event) {
        status = EngagementStatus.ACTIVE;
        trialOutcome = TrialOutcome.ACCEPTED;
        trialDecidedOn = event.acceptedOn();
    }

    @EventSourcingHandler
    void on(TrialRejected event) {
        status = EngagementStatus.TRIAL_REJECTED;
        trialOutcome = TrialOutcome.REJECTED;
        trialDecidedOn = event.rejectedOn();
    }

    @EventSourcingHandler
    void on(EngagementActivated event) {
        status = EngagementStatus.ACTIVE;
        calendar = calendar.startingOn(event.activationDate());
    }

    @EventSourcingHandler
    void on(SeatAdded event) {
        calendar = calendar.withSeat(new CalendarSeat(event.seatId(), event.professionalId(),
                event.professionalName(), event.startDate(), null,
                RateSchedule.startingAt(event.startDate(), event.rate())));
    }

    @EventSourcingHandler
    void on(SeatReleased event) {
        calendar = calendar.changingSeat(event.seatId(), seat -> seat.releasedOn(event.releaseDate()));
    }

    @EventSourcingHandler
    void on(SeatReleaseWithdrawn event) {
        calendar = calendar.changingSeat(event.seatId(), seat -> seat.releasedOn(null));
    }

    @EventSourcingHandler
    void on(SeatWithdrawn event) {
        calendar = calendar.withoutSeat(event.seatId());
    }

    @EventSourcingHandler
    void on(RateChangeScheduled event) {
        calendar = calendar.changingSeat(event.seatId(), seat -> seat.withRates(seat.rates()
                .with(new RateStep(event.effectiveDate(), event.newRate(), event.rateChangeId()))));
    }

    @EventSourcingHandler
    void on(RateChangeWithdrawn event) {
        calendar = calendar.withoutRateChange(event.rateChangeId());
        withdrawnRateChanges.add(event.rateChangeId());
    }

    @EventSourcingHandler
    void on(SeatReplacementOpened event) {
        openReplacements.put(event.seatId(), event.replacementId());
        replacementSeats.put(event.replacementId(), event.seatId());
        if (event.usesFreeReplacement()) {
            freeReplacements.add(event.replacementId());
        }
    }

    @EventSourcingHandler
    void on(SeatOverlapScheduled event) {
        calendar = calendar.changingSeat(event.seatId(), seat -> seat.withOverlap(new SeatOverlap(
                event.replacementId(), event.professionalId(), event.professionalName(), event.from(), event.to(),
                event.zeroRated())));
    }

    @EventSourcingHandler
    void on(SeatProfessionalSwapped event) {
        calendar = calendar.changingSeat(event.seatId(), seat -> seat
                .heldBy(new SeatHolder(event.professionalId(), event.professionalName(), event.swapDate()))
                .overlapRanUntil(event.replacementId(), event.overlapTo()));
        openReplacements.remove(event.seatId(), event.replacementId());
        swappedReplacements.add(event.replacementId());
    }

    @EventSourcingHandler
    void on(SeatReplacementClosed event) {
        calendar = calendar.changingSeat(event.seatId(),
                seat -> seat.overlapRanUntil(event.replacementId(), event.overlapTo()));
        openReplacements.remove(event.seatId(), event.replacementId());
        if (event.freeReplacementReturned()) {
            freeReplacements.remove(event.replacementId());
        }
    }

    @EventSourcingHandler
    void on(EngagementPaused event) {
        if (status == EngagementStatus.ACTIVE) {
            status = EngagementStatus.PAUSED;
        }
        calendar = calendar.pausedFrom(event.pauseDate());
    }

    @EventSourcingHandler
    void on(EngagementResumed event) {
        if (status == EngagementStatus.PAUSED) {
            status = EngagementStatus.ACTIVE;
        }
        calendar = calendar.resumedOn(event.resumeDate());
    }

    @EventSourcingHandler
    void on(PauseWithdrawn event) {
        if (status == EngagementStatus.PAUSED) {
            status = EngagementStatus.ACTIVE;
        }
        calendar = calendar.withoutOpenPause();
    }

    @EventSourcingHandler
    void on(ResumeWithdrawn event) {
        if (status == EngagementStatus.ACTIVE) {
            status = EngagementStatus.PAUSED;
        }
        calendar = calendar.withoutLastResume();
    }

    @EventSourcingHandler
    void on(NoticeGiven event) {
        status = EngagementStatus.NOTICE_GIVEN;
        noticeDate = event.noticeDate();
        calendar = calendar.endingAfter(event.lastDay());
    }

    @EventSourcingHandler
    void on(NoticeWithdrawn event) {
        status = calendar.openPause().isPresent() ? EngagementStatus.PAUSED : EngagementStatus.ACTIVE;
        noticeDate = null;
        calendar = calendar.endingAfter(null);
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

    private CalendarSeat seat(String seatId) {
        requireId(seatId, "seatId");
        return calendar.seat(seatId).orElseThrow(() -> RuleViolation.notFound("seatId",
                "Engagement " + engagementId + " has no seat " + seatId));
    }

    /** Whether the seat holds {@code replacementId} open. */
    private boolean holdsOpen(String seatId, String replacementId) {
        return replacementId != null && seatId != null && replacementId.equals(openReplacements.get(seatId));
    }

    /**
     * The seat other than {@code seatId} whose open replacement has {@code professionalId} as its incoming
     * professional, with the overlap recorded, named with its replacement: from the swap they hold that seat.
     */
    private Optional<String> incomingSeat(String professionalId, String seatId) {
        return openReplacements.entrySet().stream()
                .filter(claim -> !claim.getKey().equals(seatId))
                .filter(claim -> calendar.seat(claim.getKey())
                        .flatMap(seat -> seat.overlap(claim.getValue()))
                        .filter(overlap -> overlap.professionalId().equals(professionalId))
                        .isPresent())
                .sorted(Map.Entry.comparingByKey())
                .map(claim -> claim.getKey() + " (replacement " + claim.getValue() + ")")
                .findFirst();
    }

    private int freeReplacementsUsed(String seatId) {
        return (int) freeReplacements.stream().filter(id -> seatId.equals(replacementSeats.get(id))).count();
    }

    /** The seat's last billed day as far as known: the day before its release, or the notice's last day. */
    private LocalDate seatLastDay(CalendarSeat seat) {
        LocalDate beforeRelease = seat.releaseDate() == null ? null : seat.releaseDate().minusDays(1);
        if (beforeRelease == null || calendar.lastDay() == null) {
            return beforeRelease != null ? beforeRelease : calendar.lastDay();
        }
        return beforeRelease.isBefore(calendar.lastDay()) ? beforeRelease : calendar.lastDay();
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return other != null && other.isAfter(one) ? other : one;
    }

    /**
     * A replacement the seat holds open stands in the way of {@code action} (ADR 0025), unless the replacement
     * process has ended it without having told the engagement yet; see {@link #closeUntold}.
     */
    private void requireNoOpenReplacement(String seatId, String action, ReplacementRecords replacements,
                                          LocalDate today) {
        String open = openReplacements.get(seatId);
        if (open == null) {
            return;
        }
        switch (replacements.standing(open)) {
            case OPEN -> throw RuleViolation.illegalState("open-replacement", "Cannot " + action + ": replacement "
                    + open + " of seat " + seatId + " is open; complete or withdraw replacement " + open + " first");
            case COMPLETED -> throw swapPending(open);
            case WITHDRAWN, UNKNOWN -> closeUntold(seatId, open, today);
        }
    }

    /** Notice ends every seat: any replacement a seat holds open stands in its way, and all are named. */
    private void requireNoOpenReplacements(ReplacementRecords replacements, LocalDate today) {
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, String> claim : openReplacements.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            switch (replacements.standing(claim.getValue())) {
                case OPEN -> open.add("replacement " + claim.getValue() + " of seat " + claim.getKey());
                case COMPLETED -> throw swapPending(claim.getValue());
                case WITHDRAWN, UNKNOWN -> closeUntold(claim.getKey(), claim.getValue(), today);
            }
        }
        if (!open.isEmpty()) {
            throw RuleViolation.illegalState("open-replacement", "Cannot give notice: " + String.join(", ", open)
                    + (open.size() == 1 ? " is" : " are") + " open; complete or withdraw "
                    + (open.size() == 1 ? "it" : "them") + " first");
        }
    }

    private static RuleViolation swapPending(String replacementId) {
        return RuleViolation.illegalState("swap-pending", "Replacement " + replacementId
                + " completed; its swap is being recorded, try again in a moment");
    }

    /**
     * Closes a replacement the replacement process withdrew (or never created) but has not told the engagement
     * about yet, as its {@link CloseSeatReplacement} would; that command then finds nothing open and changes
     * nothing. Not knowing how far a recorded overlap ran, it keeps only the days before today (no day after the
     * withdrawal ran, and today's is not billed on a guess), and it gives the free replacement back only when no
     * overlap was recorded: with one, the replacement may have used the guarantee.
     */
    private void closeUntold(String seatId, String replacementId, LocalDate today) {
        SeatOverlap overlap = calendar.seat(seatId).flatMap(seat -> seat.overlap(replacementId)).orElse(null);
        LocalDate overlapTo = overlap == null ? null
                : overlap.ranUntil(today.minusDays(1)).map(SeatOverlap::to).orElse(null);
        apply(new SeatReplacementClosed(engagementId, seatId, replacementId, today, overlapTo,
                overlap == null && freeReplacements.contains(replacementId)));
    }

    /** Every step a rate change set, on any seat. */
    private List<RateStep> stepsOf(String rateChangeId) {
        return calendar.seats().stream()
                .flatMap(seat -> seat.rates().steps().stream())
                .filter(step -> rateChangeId.equals(step.rateChangeId()))
                .toList();
    }

    /** A seat's start is never before the engagement's first billed day (the proposal, before it starts). */
    private void notBeforeStart(String field, LocalDate date, LocalDate today, BackDatingWindow window,
                                ForwardDatingWindow horizon) {
        if (calendar.firstBilledDay() != null) {
            EffectiveDates.check(field, date, today, window, horizon, calendar.firstBilledDay(),
                    "before-first-billed-day", "the engagement's first billed day");
        } else {
            EffectiveDates.check(field, date, today, window, horizon, proposedOn, "before-proposal",
                    "the proposal");
        }
    }

    /** Released on this day (on or before the seat's own first billed day), the seat would not be billed at all. */
    private boolean neverBilled(CalendarSeat seat, LocalDate releaseDate) {
        return !releaseDate.isAfter(seat.startDate())
                || (calendar.firstBilledDay() != null && !releaseDate.isAfter(calendar.firstBilledDay()));
    }

    /** A pause that has not started yet is what stands in the way, not a status GET does not show. */
    private static void refuseScheduledPause(String action, PausePeriod pause, LocalDate today) {
        if (pause.from().isAfter(today)) {
            throw RuleViolation.illegalState("pause-scheduled", "Cannot " + action + ": a pause from "
                    + pause.from() + " is already scheduled; withdraw it first");
        }
    }

    private void requireStatus(String action, EngagementStatus... allowed) {
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw RuleViolation.illegalState("status", "Cannot " + action + ": " + statusText()
                    + " (only when " + Arrays.stream(allowed).map(Enum::name)
                    .collect(Collectors.joining(" or ")) + ")");
        }
    }

    private void requireRunningOr(String action, EngagementStatus also) {
        if (!status.isRunning() && status != also) {
            throw RuleViolation.illegalState("status", "Cannot " + action + ": " + statusText()
                    + " (only while it is " + also + " or running)");
        }
    }

    /**
     * The status for a refusal. The aggregate is {@code PAUSED} from the moment a pause is recorded, even one that
     * starts later, while GET shows the status as of today (ADR 0012): naming the pause's date is true either way.
     */
    private String statusText() {
        if (status == EngagementStatus.PAUSED) {
            return calendar.openPause().map(pause -> "the engagement has a pause recorded from " + pause.from())
                    .orElse("the engagement is " + status);
        }
        return "the engagement is " + status;
    }

    private static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw RuleViolation.invalid(field, "required", field + ": must not be null");
        }
        PlausibleDates.check(field, date);
    }

    private void requireTrialRunning(LocalDate today) {
        if (today.isAfter(trialLastDay)) {
            throw RuleViolation.illegalState("trial-lapsed", "The trial ended on " + trialLastDay
                    + " without a decision, so it was accepted by itself on " + trialLastDay.plusDays(1));
        }
    }

    private static void requireId(String value, String field) {
        PlainText.id(field, value, MAX_TEXT);
    }

    private static String requireText(String value, String field) {
        return PlainText.name(field, value, MAX_TEXT);
    }

    private static String optionalText(String value, String field) {
        return PlainText.text(field, value, MAX_REASON);
    }

    private static String blankToNull(String value) {
        return PlainText.isBlank(value) ? null : value;
    }
}
