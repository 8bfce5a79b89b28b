package com.engagementledger.engagement.web;

import static com.engagementledger.platform.console.FormValues.date;
import static com.engagementledger.platform.console.FormValues.number;
import static com.engagementledger.platform.console.FormValues.text;

import com.engagementledger.engagement.api.AcceptTrial;
import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.CancelEngagement;
import com.engagementledger.engagement.api.EndEngagement;
import com.engagementledger.engagement.api.GiveNotice;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.RejectTrial;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.ResumeEngagement;
import com.engagementledger.engagement.api.ScheduleRateChange;
import com.engagementledger.engagement.api.StartTrial;
import com.engagementledger.engagement.api.WithdrawNotice;
import com.engagementledger.engagement.api.WithdrawPause;
import com.engagementledger.engagement.api.WithdrawRateChange;
import com.engagementledger.engagement.api.WithdrawResume;
import com.engagementledger.engagement.api.WithdrawSeatRelease;
import com.engagementledger.platform.console.FormValues;
import com.engagementledger.platform.web.NewIds;
import jakarta.validation.Validator;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * An engagement action's form as the command the API's {@link EngagementController} sends for it: the form's text
 * read as the API's request, that request's bean validation, then the same command (new ids from {@link NewIds},
 * which derives them from the form's token, so that the same form sent twice adds one seat, one rate change).
 */
@Component
class EngagementActions {

    private final NewIds ids;
    private final Validator validator;

    EngagementActions(NewIds ids, Validator validator) {
        this.ids = ids;
        this.validator = validator;
    }

    /** The action's command; null when the form has mistakes, which {@code errors} then holds on their fields. */
    Object command(EngagementAction action, String id, EngagementActionForm form, Errors errors) {
        String reason = text(form.getReason());
        Object command = switch (action) {
            case START_TRIAL -> {
                LocalDate startDate = date(errors, "startDate", form.getStartDate(), null);
                valid(action, new StartTrialRequest(startDate), errors);
                yield new StartTrial(id, startDate, null);
            }
            case ACTIVATE -> {
                LocalDate activationDate = date(errors, "activationDate", form.getActivationDate(), null);
                valid(action, new ActivateRequest(activationDate), errors);
                yield new ActivateEngagement(id, activationDate, null);
            }
            case ACCEPT_TRIAL -> new AcceptTrial(id, null);
            case REJECT_TRIAL -> {
                valid(action, new ReasonRequest(reason), errors);
                yield new RejectTrial(id, reason, null);
            }
            case CANCEL -> {
                valid(action, new ReasonRequest(reason), errors);
                yield new CancelEngagement(id, reason, null);
            }
            case ADD_SEAT -> {
                SeatRequest seat = new SeatRequest(text(form.getProfessionalId()), text(form.getProfessionalName()),
                        number(errors, "rate", form.getRate(), "Enter the seat's rate."),
                        date(errors, "startDate", form.getStartDate(), "Enter the seat's first day."));
                valid(action, seat, errors);
                yield errors.hasErrors() ? null : new AddSeat(id, ids.next("seat"), seat.professionalId(),
                        seat.professionalName(), seat.rate(), seat.startDate(), null);
            }
            case RELEASE_SEAT -> {
                LocalDate releaseDate = date(errors, "releaseDate", form.getReleaseDate(),
                        "Enter the first day the seat is no longer billed.");
                required(errors, "seatId", form.getSeatId(), "Choose the seat.");
                valid(action, new ReleaseSeatRequest(releaseDate), errors);
                yield new ReleaseSeat(id, text(form.getSeatId()), releaseDate, null);
            }
            case WITHDRAW_RELEASE -> {
                required(errors, "seatId", form.getSeatId(), "Choose the seat.");
                valid(action, new WithdrawSeatReleaseRequest(reason), errors);
                yield new WithdrawSeatRelease(id, text(form.getSeatId()), reason, null);
            }
            case RATE_CHANGE -> {
                RateChangeRequest change = new RateChangeRequest(text(form.getSeatId()),
                        number(errors, "newRate", form.getNewRate(), "Enter the new rate."),
                        date(errors, "effectiveDate", form.getEffectiveDate(), "Enter the day the rate applies from."),
                        reason);
                valid(action, change, errors);
                yield errors.hasErrors() ? null : new ScheduleRateChange(id, ids.next("rate-change"), change.seatId(),
                        change.newRate(), change.effectiveDate(), change.reason(), null);
            }
            case WITHDRAW_RATE_CHANGE -> {
                required(errors, "rateChangeId", form.getRateChangeId(), "Choose the rate change.");
                valid(action, new ReasonRequest(reason), errors);
                yield new WithdrawRateChange(id, text(form.getRateChangeId()), reason, null);
            }
            case PAUSE -> {
                LocalDate pauseDate = date(errors, "pauseDate", form.getPauseDate(), null);
                valid(action, new PauseRequest(pauseDate), errors);
                yield new PauseEngagement(id, pauseDate, null);
            }
            case RESUME -> {
                LocalDate resumeDate = date(errors, "resumeDate", form.getResumeDate(), null);
                valid(action, new ResumeRequest(resumeDate), errors);
                yield new ResumeEngagement(id, resumeDate, null);
            }
            case WITHDRAW_PAUSE -> {
                valid(action, new WithdrawPauseRequest(reason), errors);
                yield new WithdrawPause(id, reason, null);
            }
            case WITHDRAW_RESUME -> {
                valid(action, new WithdrawResumeRequest(reason), errors);
                yield new WithdrawResume(id, reason, null);
            }
            case NOTICE -> {
                LocalDate lastDay = date(errors, "lastDay", form.getLastDay(), "Enter the last billed day.");
                boolean forCause = "true".equals(form.getForCause());
                valid(action, new NoticeRequest(lastDay, forCause, reason), errors);
                yield new GiveNotice(id, lastDay, forCause, reason, null);
            }
            case WITHDRAW_NOTICE -> {
                valid(action, new WithdrawNoticeRequest(reason), errors);
                yield new WithdrawNotice(id, reason, null);
            }
            case END -> new EndEngagement(id, null);
        };
        return errors.hasErrors() ? null : command;
    }

    /** The fields whose ids the action's command creates: taken, the same form was sent before. */
    static String[] newIds(EngagementAction action) {
        return switch (action) {
            case ADD_SEAT -> new String[] {"seatId"};
            case RATE_CHANGE -> new String[] {"rateChangeId"};
            default -> new String[0];
        };
    }

    private void valid(EngagementAction action, Object request, Errors errors) {
        FormValues.validate(validator, request, errors, action::formField);
    }

    private static void required(Errors errors, String field, String value, String message) {
        if (FormValues.blank(value)) {
            errors.rejectValue(field, "required", message);
        }
    }
}
