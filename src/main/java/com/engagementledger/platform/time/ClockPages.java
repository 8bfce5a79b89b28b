package com.engagementledger.platform.time;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.BrowserPages;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' test-clock page (ADR 0041, issue 10): the application's instant, and forms that advance it by a
 * duration or set it to a later instant, through the test-clock API's own handler ({@link TestClockController}), so a
 * move fires what fell due and lets the processors catch up before the page answers, and the clock's rules (never
 * backwards, at most so far ahead) are the API's, shown next to the field. Without the test clock (any profile but
 * the demo's and the tests') the page says so.
 */
@Controller
@BrowserPages
@Hidden
@RolesAllowed(Roles.ADMIN)
public class ClockPages {

    private final ObjectProvider<TestClockController> testClock;

    public ClockPages(ObjectProvider<TestClockController> testClock) {
        this.testClock = testClock;
    }

    @GetMapping("/admin/clock")
    public String clock(Model model) {
        return page(model, new LinkedHashMap<>(), "", "");
    }

    @PostMapping("/admin/clock")
    public String move(@RequestParam(required = false) String advanceBy, @RequestParam(required = false) String instant,
                       @RequestParam(required = false) String shownOffset, Model model, RedirectAttributes redirect, HttpServletResponse response)
            throws InterruptedException {
        TestClockController controller = testClock.getIfAvailable();
        if (controller == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return page(model, new LinkedHashMap<>(), "", "");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String duration = advanceBy == null ? "" : advanceBy.strip();
        String target = instant == null ? "" : instant.strip();
        ClockChange change = change(duration, target, errors);
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        if (change != null) {
            try {
                // the offset the page showed: a form sent twice finds the clock moved and leaves it
                ClockView moved = controller.moveFrom(shown(shownOffset), change);
                redirect.addFlashAttribute("notice", "The clock now reads " + moved.instant() + ".");
                return "redirect:/admin/clock";
            } catch (RuleViolation refused) {
                // the refusal is about the one field the form filled in
                errors.put(duration.isEmpty() ? "instant" : "advanceBy", refused.getMessage());
                if (refused.kind() == RuleViolation.Kind.ILLEGAL_STATE) {
                    status = HttpStatus.CONFLICT;
                }
            }
        }
        response.setStatus(status.value());
        return page(model, errors, duration, target);
    }

    /** The offset the page was shown with; a form without a readable one cannot say it saw the clock as it is. */
    private static Duration shown(String shownOffset) {
        try {
            return Duration.parse(shownOffset == null ? "" : shownOffset.strip());
        } catch (DateTimeParseException e) {
            throw RuleViolation.illegalState("clock-moved", "The form did not say which time it showed; nothing was"
                    + " changed. Look at the time below and send again if it should still move.");
        }
    }

    /** The change the form asks for; null, with the field's message, when it cannot be read. */
    private static ClockChange change(String duration, String target, Map<String, String> errors) {
        if (duration.isEmpty() == target.isEmpty()) {
            errors.put(duration.isEmpty() ? "advanceBy" : "instant",
                    "Give either a duration to advance by or an instant to move to.");
            return null;
        }
        if (!duration.isEmpty()) {
            try {
                return new ClockChange(null, Duration.parse(duration.toUpperCase()));
            } catch (DateTimeParseException e) {
                errors.put("advanceBy", "must be an ISO-8601 duration such as P1D, PT12H or P2DT3H");
                return null;
            }
        }
        try {
            return new ClockChange(LocalDateTime.parse(target).toInstant(ZoneOffset.UTC), null);
        } catch (DateTimeParseException notLocal) {
            try {
                return new ClockChange(Instant.parse(target), null);
            } catch (DateTimeParseException e) {
                errors.put("instant", "must be a date and time such as 2027-04-01T09:00 (UTC)");
                return null;
            }
        }
    }

    private String page(Model model, Map<String, String> errors, String advanceBy, String instant) {
        TestClockController controller = testClock.getIfAvailable();
        model.addAttribute("available", controller != null);
        model.addAttribute("errors", errors);
        model.addAttribute("advanceBy", advanceBy);
        model.addAttribute("instant", instant);
        if (controller != null) {
            ClockView view = controller.read();
            model.addAttribute("clock", view);
            model.addAttribute("shownOffset", controller.offset().toString());
            model.addAttribute("now", LocalDateTime.ofInstant(view.instant().truncatedTo(ChronoUnit.SECONDS),
                    ZoneOffset.UTC).toString());
        }
        return "admin/clock";
    }
}
