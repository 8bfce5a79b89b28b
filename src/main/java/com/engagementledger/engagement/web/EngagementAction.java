package com.engagementledger.engagement.web;

import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.KeyDates;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.platform.console.ConsoleAction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The actions an account manager takes on an engagement's page, each a form of a few fields that sends the same
 * command as the API's {@link EngagementController} (ADR 0041). Which are offered follows from the engagement's state
 * as the read model has it ({@link #offered}); the aggregate stays the judge, and its refusal lands next to the
 * field it names.
 */
public enum EngagementAction implements ConsoleAction {
    START_TRIAL("start-trial", "Start the trial", "Start the trial", "startDate"),
    ACTIVATE("activate", "Activate without a trial", "Activate", "activationDate"),
    ACCEPT_TRIAL("accept-trial", "Accept the trial", "Accept the trial"),
    REJECT_TRIAL("reject-trial", "Reject the trial", "Reject the trial", "reason"),
    CANCEL("cancel", "Cancel the proposal", "Cancel the proposal", "reason"),
    ADD_SEAT("add-seat", "Add a seat", "Add the seat", "professionalId", "professionalName", "rate", "startDate"),
    RELEASE_SEAT("release-seat", "Release a seat", "Release the seat", "seatId", "releaseDate"),
    WITHDRAW_RELEASE("withdraw-release", "Withdraw a seat's release", "Withdraw the release", "seatId", "reason"),
    RATE_CHANGE("rate-change", "Schedule a rate change", "Schedule the rate change", "seatId", "newRate",
            "effectiveDate", "reason"),
    WITHDRAW_RATE_CHANGE("withdraw-rate-change", "Withdraw a scheduled rate change", "Withdraw the rate change",
            "rateChangeId", "reason"),
    PAUSE("pause", "Pause billing", "Pause", "pauseDate"),
    RESUME("resume", "Resume billing", "Resume", "resumeDate"),
    WITHDRAW_PAUSE("withdraw-pause", "Withdraw the pause", "Withdraw the pause", "reason"),
    WITHDRAW_RESUME("withdraw-resume", "Withdraw the resume", "Withdraw the resume", "reason"),
    NOTICE("give-notice", "Give notice", "Give notice", "lastDay", "forCause", "reason"),
    WITHDRAW_NOTICE("withdraw-notice", "Withdraw the notice", "Withdraw the notice", "reason"),
    END("end", "End the engagement", "End the engagement");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("startDate", "First day"), Map.entry("activationDate", "Active from (empty: today)"),
            Map.entry("pauseDate", "First day not billed (empty: today)"),
            Map.entry("resumeDate", "First day billed again (empty: today)"),
            Map.entry("lastDay", "Last billed day"), Map.entry("forCause", "Termination for cause"),
            Map.entry("releaseDate", "First day no longer billed"), Map.entry("effectiveDate", "Effective from"),
            Map.entry("reason", "Reason"), Map.entry("seatId", "Seat"), Map.entry("professionalId", "Professional id"),
            Map.entry("professionalName", "Professional name"), Map.entry("rate", "Rate"),
            Map.entry("newRate", "New rate"), Map.entry("rateChangeId", "Scheduled rate change"));

    private final Form form;
    private final String button;

    EngagementAction(String path, String title, String button, String... fields) {
        this.form = new Form(path, title, List.of(fields));
        this.button = button;
    }

    @Override
    public Form form() {
        return form;
    }

    public String button() {
        return button;
    }

    public String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    /**
     * The actions the engagement's state allows, as the read model has it: the statuses the aggregate accepts each in,
     * and the things an action needs (a seat to release, a rate change to withdraw, a pause to withdraw ...).
     */
    public static List<EngagementAction> offered(EngagementView engagement) {
        EngagementStatus status = engagement.status();
        KeyDates dates = engagement.dates();
        boolean proposed = status == EngagementStatus.PROPOSED;
        boolean staffable = proposed || status.isRunning();
        boolean paused = dates.pausedFrom() != null || dates.scheduledPauseFrom() != null;
        return Arrays.stream(values()).filter(action -> switch (action) {
            case START_TRIAL -> proposed && engagement.terms().trialDays() > 0;
            case ACTIVATE -> proposed && engagement.terms().trialDays() == 0;
            case CANCEL -> proposed;
            case ACCEPT_TRIAL, REJECT_TRIAL -> status == EngagementStatus.TRIAL;
            case ADD_SEAT, RATE_CHANGE -> staffable;
            case RELEASE_SEAT -> staffable && !releasable(engagement).isEmpty();
            case WITHDRAW_RELEASE -> staffable && !released(engagement).isEmpty();
            case WITHDRAW_RATE_CHANGE -> staffable && !scheduledRateChanges(engagement).isEmpty();
            case PAUSE -> status == EngagementStatus.ACTIVE || status == EngagementStatus.NOTICE_GIVEN && !paused;
            case RESUME, WITHDRAW_PAUSE -> status == EngagementStatus.PAUSED
                    || status == EngagementStatus.NOTICE_GIVEN && paused;
            case WITHDRAW_RESUME -> status.isRunning()
                    && (dates.resumedOn() != null || dates.scheduledResumeOn() != null);
            case NOTICE -> status == EngagementStatus.ACTIVE || status == EngagementStatus.PAUSED;
            case WITHDRAW_NOTICE -> status == EngagementStatus.NOTICE_GIVEN;
            case END -> status == EngagementStatus.NOTICE_GIVEN && dates.lastDay() != null
                    && dates.lastDay().isBefore(engagement.asOfDate());
        }).toList();
    }

    /** The seats not released: the ones a release or a rate change may name. */
    public static List<SeatView> releasable(EngagementView engagement) {
        return engagement.seats().stream().filter(seat -> seat.releaseDate() == null).toList();
    }

    public static List<SeatView> released(EngagementView engagement) {
        return engagement.seats().stream().filter(seat -> seat.releaseDate() != null).toList();
    }

    /** The rate changes still to come, as {@code (seat, step)} pairs: the ones a withdrawal may name. */
    public static List<ScheduledRate> scheduledRateChanges(EngagementView engagement) {
        return engagement.seats().stream().flatMap(seat -> seat.scheduledRates().stream()
                        .filter(step -> step.rateChangeId() != null)
                        .map(step -> new ScheduledRate(seat.seatId(), seat.professionalName(), step.rateChangeId(),
                                step.rate(), step.effectiveDate())))
                // a change for every seat is listed under each of them: offer it once
                .collect(Collectors.toMap(ScheduledRate::rateChangeId, rate -> rate, (first, same) -> first,
                        LinkedHashMap::new))
                .values().stream().toList();
    }

    /** A scheduled rate change as a withdrawal form offers it. */
    public record ScheduledRate(String seatId, String professionalName, String rateChangeId, BigDecimal rate,
                                LocalDate effectiveDate) {
    }
}
