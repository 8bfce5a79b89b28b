package com.engagementledger.timesheet.web;

import static com.engagementledger.platform.console.FormValues.text;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementSummary;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.console.ConsoleAction;
import com.engagementledger.platform.console.ConsoleCommands;
import com.engagementledger.platform.console.FormTokens;
import com.engagementledger.platform.console.FormValues;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.time.Today;
import com.engagementledger.platform.web.BrowserPages;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.timesheet.api.ApproveTimesheet;
import com.engagementledger.timesheet.api.CorrectTimesheet;
import com.engagementledger.timesheet.api.DisputeTimesheet;
import com.engagementledger.timesheet.api.FindTimesheet;
import com.engagementledger.timesheet.api.FindTimesheets;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.ResubmitTimesheet;
import com.engagementledger.timesheet.api.SubmitTimesheet;
import com.engagementledger.timesheet.api.TimesheetIds;
import com.engagementledger.timesheet.api.TimesheetPage;
import com.engagementledger.timesheet.api.TimesheetStatus;
import com.engagementledger.timesheet.api.TimesheetView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's timesheet pages (ADR 0041): the list with filters (engagement, ISO week, status), a week's page with
 * its hours by day and its decisions, and the entry of a seat's week, through the same commands as the API's
 * {@link TimesheetController} and with its roles: the account manager submits and resubmits; the account manager or
 * finance approve, dispute and correct; every role reads.
 */
@Controller
@BrowserPages
@Hidden
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
public class TimesheetPages {

    static final int PAGE_SIZE = 20;
    /** How many weeks, back from the current one, the entry form offers. */
    static final int WEEKS_OFFERED = 8;
    private static final int ENGAGEMENT_NAMES = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd", Locale.ENGLISH);
    private static final List<String> ENTRY_FIELDS = List.of("seatId", "week", "hours[0]", "hours[1]", "hours[2]",
            "hours[3]", "hours[4]", "hours[5]", "hours[6]");
    static final String MISSING_HOURS = "Enter this day's hours (0 for none).";

    private final Gateways gateways;
    private final ConsoleCommands commands;
    private final Validator validator;
    private final Clock clock;

    public TimesheetPages(Gateways gateways, ConsoleCommands commands, Validator validator, Clock clock) {
        this.gateways = gateways;
        this.commands = commands;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/timesheets")
    public String list(@RequestParam(required = false) String engagementId,
                       @RequestParam(required = false) String week, @RequestParam(required = false) String status,
                       @RequestParam(defaultValue = "0") String page, Model model, HttpServletResponse response) {
        TimesheetStatus chosen = FormValues.blank(status) ? null : Arrays.stream(TimesheetStatus.values())
                .filter(value -> value.name().equals(status)).findFirst()
                .orElseThrow(() -> RuleViolation.malformed("status", "type", "no such status: " + status));
        String isoWeek = null;
        if (!FormValues.blank(week)) {
            try {
                isoWeek = IsoWeek.parse("week", week.strip()).toString();
            } catch (RuleViolation notAWeek) {
                // the filter's mistake next to the filter; the list shows nothing rather than every week
                model.addAttribute("weekError", notAWeek.getMessage());
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        }
        int pageNumber = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
        String engagement = text(engagementId);
        TimesheetPage found = model.containsAttribute("weekError")
                ? new TimesheetPage(List.of(), 0, PAGE_SIZE, 0, 0)
                : gateways.query(new FindTimesheets(engagement, isoWeek, chosen, pageNumber, PAGE_SIZE),
                        ResponseTypes.instanceOf(TimesheetPage.class));
        model.addAttribute("timesheets", found);
        model.addAttribute("engagementNames", hourlyEngagements());
        model.addAttribute("statuses", TimesheetStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("week", isoWeek == null ? FormValues.blank(week) ? "" : week.strip() : isoWeek);
        model.addAttribute("engagementId", engagement == null ? "" : engagement);
        return "timesheets/list";
    }

    @GetMapping("/timesheets/{id}")
    public String timesheet(@PathVariable String id, Model model) {
        TimesheetView timesheet = find(id)
                .orElseThrow(() -> RuleViolation.notFound("id", "No timesheet with id " + id + "."));
        model.addAttribute("timesheet", timesheet);
        model.addAttribute("engagement", engagement(timesheet.engagementId()).orElse(null));
        List<LocalDate> days = IsoWeek.parse("week", timesheet.week()).days();
        model.addAttribute("days", days);
        Map<LocalDate, String> labels = new LinkedHashMap<>();
        days.forEach(day -> labels.put(day, DAY.format(day)));
        model.addAttribute("dayLabels", labels);
        model.addAttribute("seatHolder", engagement(timesheet.engagementId()).flatMap(e -> e.seats().stream()
                .filter(seat -> seat.seatId().equals(timesheet.seatId())).findFirst())
                .map(seat -> seat.professionalName()).orElse(null));
        List<TimesheetAction> offered = TimesheetAction.offered(timesheet);
        model.addAttribute("actions", offered);
        for (TimesheetAction action : offered) {
            if (!model.containsAttribute(action.formName())) {
                TimesheetForm form = new TimesheetForm();
                // a resubmission or a correction starts from the hours as they stand
                // (by day: a day the read model does not list is 0 h, shown as 0 so that nothing is left blank)
                form.setHours(new ArrayList<>(days.stream()
                        .map(day -> timesheet.hours().getOrDefault(day, BigDecimal.ZERO))
                        .map(hours -> hours.stripTrailingZeros().toPlainString()).toList()));
                model.addAttribute(action.formName(), form);
            }
        }
        return "timesheets/detail";
    }

    @GetMapping("/timesheets/new")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String entryForm(@RequestParam(required = false) String engagementId,
                            @RequestParam(required = false) String seatId, @RequestParam(required = false) String week,
                            Model model, HttpServletRequest http) {
        String withToken = FormTokens.inAddress(http);
        if (withToken != null) {
            return withToken;
        }
        TimesheetForm form = new TimesheetForm();
        form.setEngagementId(text(engagementId));
        form.setSeatId(text(seatId));
        form.setWeek(text(week));
        return showEntryForm(form, model);
    }

    @PostMapping("/timesheets")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String submit(@ModelAttribute("entry") TimesheetForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        EngagementView engagement = engagement(form.getEngagementId()).orElseThrow(() ->
                RuleViolation.notFound("engagementId", "No engagement with id " + form.getEngagementId() + "."));
        IsoWeek week = null;
        if (FormValues.blank(form.getWeek())) {
            errors.rejectValue("week", "required", "Choose the week.");
        } else {
            try {
                week = IsoWeek.parse("week", form.getWeek().strip());
            } catch (RuleViolation violation) {
                errors.rejectValue("week", violation.rule(), violation.getMessage());
            }
        }
        if (FormValues.blank(form.getSeatId())) {
            errors.rejectValue("seatId", "required", "Choose the seat.");
        }
        String timesheetId = null;
        ConsoleCommands.Outcome outcome = ConsoleCommands.Outcome.REFUSED;
        if (week != null) {
            Map<String, BigDecimal> hours = hours(form, week, errors, true);
            UnaryOperator<String> field = field(week, ENTRY_FIELDS);
            FormValues.validate(validator, new SubmitTimesheetRequest(engagement.engagementId(),
                    text(form.getSeatId()), week.toString(), hours), errors, field);
            if (!errors.hasErrors()) {
                SubmitTimesheet command = new SubmitTimesheet(engagement.engagementId(), text(form.getSeatId()),
                        week.toString(), TimesheetDays.of(hours));
                timesheetId = TimesheetIds.of(engagement.engagementId(), command.seatId(), week);
                // the same week sent again with the same hours (a double submit): the timesheet it made
                outcome = sameHours(timesheetId, command) ? ConsoleCommands.Outcome.ALREADY_DONE
                        : commands.change(command, errors, field);
            }
        }
        if (outcome.refused()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showEntryForm(form, model);
        }
        String id = timesheetId;
        ConsoleCommands.awaitReadModel(() -> find(id).isPresent());
        redirect.addFlashAttribute("notice", outcome == ConsoleCommands.Outcome.ALREADY_DONE
                ? "This week was already submitted with these hours; it was recorded once."
                : "Week " + week + " submitted; it approves itself in 7 days unless disputed.");
        return "redirect:/timesheets/" + timesheetId;
    }

    @PostMapping("/timesheets/{id}/actions/{path}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE})
    public String decide(@PathVariable String id, @PathVariable String path,
                         @ModelAttribute("submitted") TimesheetForm form, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        TimesheetAction action = ConsoleAction.byPath(TimesheetAction.class, path).filter(a -> !a.managerOnly())
                .orElseThrow(() -> RuleViolation.notFound("action", "No timesheet action " + path + "."));
        return act(id, action, form, model, redirect, response);
    }

    @PostMapping("/timesheets/{id}/resubmit")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String resubmit(@PathVariable String id, @ModelAttribute("submitted") TimesheetForm form, Model model,
                           RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, TimesheetAction.RESUBMIT, form, model, redirect, response);
    }

    private String act(String id, TimesheetAction action, TimesheetForm form, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        TimesheetView before = find(id)
                .orElseThrow(() -> RuleViolation.notFound("id", "No timesheet with id " + id + "."));
        IsoWeek week = IsoWeek.parse("week", before.week());
        BindingResult errors = new BeanPropertyBindingResult(form, action.formName());
        UnaryOperator<String> field = field(week, action.fields());
        String reason = text(form.getReason());
        Map<String, BigDecimal> hours = action.hasHours() ? hours(form, week, errors, false) : null;
        Object command = switch (action) {
            case APPROVE -> new ApproveTimesheet(id, null);
            case DISPUTE -> {
                FormValues.validate(validator, new DisputeTimesheetRequest(reason), errors, field);
                yield new DisputeTimesheet(id, reason, null);
            }
            case RESUBMIT -> {
                FormValues.validate(validator, new ResubmitTimesheetRequest(hours), errors, field);
                yield new ResubmitTimesheet(id, TimesheetDays.of(hours), null);
            }
            case CORRECT -> {
                FormValues.validate(validator, new CorrectTimesheetRequest(hours, reason), errors, field);
                yield new CorrectTimesheet(id, TimesheetDays.of(hours), reason, null);
            }
        };
        ConsoleCommands.Outcome outcome = errors.hasErrors() ? ConsoleCommands.Outcome.REFUSED
                : commands.change(command, errors, field);
        if (outcome.refused()) {
            ConsoleAction.refused(action, form, errors, model, response);
            return timesheet(id, model);
        }
        ConsoleCommands.awaitReadModel(() -> find(id).filter(view -> view.version() > before.version()).isPresent());
        redirect.addFlashAttribute("notice", action.notice(outcome));
        return "redirect:/timesheets/" + id;
    }

    /**
     * The week's hours as the API's request has them (by day, {@code YYYY-MM-DD}). A day the request did not send at
     * all is refused (a bare {@code hours=4} or no hours must never mean a week of zeros); a day sent empty is 0 on
     * the entry form (it says so) and refused on a resubmission or a correction, whose form shows the hours as they
     * stand for the user to edit, so that an empty day there is a mistake, not "0".
     */
    static Map<String, BigDecimal> hours(TimesheetForm form, IsoWeek week, Errors errors, boolean emptyIsZero) {
        Map<String, BigDecimal> hours = new LinkedHashMap<>();
        List<LocalDate> days = week.days();
        for (int i = 0; i < days.size(); i++) {
            String typed = form.getHours() != null && i < form.getHours().size() ? form.getHours().get(i) : null;
            String field = "hours[" + i + "]";
            if (typed == null || (!emptyIsZero && FormValues.blank(typed))) {
                errors.rejectValue(field, "required", MISSING_HOURS);
                continue;
            }
            BigDecimal value = FormValues.number(errors, field, typed, null, FormValues.HOURS_EXAMPLE);
            if (value != null) {
                hours.put(days.get(i).toString(), value);
            }
        }
        return hours;
    }

    /**
     * The form's field for a field the command side names: a day's hours ({@code hours.2035-03-05}) are that day's
     * field of the week ({@code hours[2]}); null for none of the form's.
     */
    private static UnaryOperator<String> field(IsoWeek week, List<String> formFields) {
        return named -> {
            String name = named;
            if (named != null && named.startsWith("hours.")) {
                int day = week.days().stream().map(LocalDate::toString).toList().indexOf(named.substring(6));
                name = day < 0 ? null : "hours[" + day + "]";
            }
            return name != null && formFields.contains(name) ? name : null;
        };
    }

    private boolean sameHours(String timesheetId, SubmitTimesheet command) {
        return find(timesheetId).filter(existing -> {
            Map<LocalDate, BigDecimal> sent = new LinkedHashMap<>();
            existing.hours().keySet().forEach(day -> sent.put(day, command.hours().getOrDefault(day, BigDecimal.ZERO)));
            return existing.hours().entrySet().stream()
                    .allMatch(day -> day.getValue().compareTo(sent.get(day.getKey())) == 0);
        }).isPresent();
    }

    private String showEntryForm(TimesheetForm form, Model model) {
        Optional<EngagementView> engagement = engagement(form.getEngagementId())
                .filter(e -> e.billingModel() == BillingModel.HOURLY);
        model.addAttribute("entry", form);
        model.addAttribute("engagement", engagement.orElse(null));
        model.addAttribute("engagementNames", hourlyEngagements());
        engagement.ifPresent(e -> {
            LocalDate today = Today.in(clock, ZoneId.of(e.terms().timeZone()));
            List<String> weeks = new ArrayList<>();
            for (int i = 0; i < WEEKS_OFFERED; i++) {
                weeks.add(IsoWeek.of(today.minusWeeks(i)).toString());
            }
            model.addAttribute("weeks", weeks);
            model.addAttribute("seats", e.seats());
            if (form.getWeek() == null) {
                form.setWeek(weeks.get(0));
            }
        });
        model.addAttribute("dayNames", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                "Sunday"));
        return "timesheets/new";
    }

    /** The hourly engagements (the ones with timesheets), by id, named by client and role. */
    private Map<String, String> hourlyEngagements() {
        EngagementPage page = gateways.query(new FindEngagements(null, null, null, 0, ENGAGEMENT_NAMES),
                ResponseTypes.instanceOf(EngagementPage.class));
        Map<String, String> names = new LinkedHashMap<>();
        for (EngagementSummary e : page.items()) {
            if (e.billingModel() == BillingModel.HOURLY) {
                names.put(e.engagementId(), e.clientName() + ": " + e.roleTitle());
            }
        }
        return names;
    }

    private Optional<EngagementView> engagement(String id) {
        return FormValues.blank(id) ? Optional.empty()
                : gateways.query(new FindEngagement(id), ResponseTypes.optionalInstanceOf(EngagementView.class));
    }

    private Optional<TimesheetView> find(String id) {
        return gateways.query(new FindTimesheet(id), ResponseTypes.optionalInstanceOf(TimesheetView.class));
    }
}
