package com.engagementledger.replacement.web;

import static com.engagementledger.platform.console.FormValues.date;
import static com.engagementledger.platform.console.FormValues.text;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementSummary;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.console.ConsoleAction;
import com.engagementledger.platform.console.ConsoleCommands;
import com.engagementledger.platform.console.FormTokens;
import com.engagementledger.platform.console.FormValues;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.BrowserPages;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.NewIds;
import com.engagementledger.replacement.api.AcceptCandidate;
import com.engagementledger.replacement.api.CompleteReplacement;
import com.engagementledger.replacement.api.FindReplacement;
import com.engagementledger.replacement.api.FindReplacements;
import com.engagementledger.replacement.api.ProposeCandidate;
import com.engagementledger.replacement.api.RejectCandidate;
import com.engagementledger.replacement.api.ReplacementPage;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementView;
import com.engagementledger.replacement.api.RequestReplacement;
import com.engagementledger.replacement.api.SlaClock;
import com.engagementledger.replacement.api.WithdrawReplacement;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The console's replacement pages (ADR 0041): the list with filters, a replacement's page with its candidates, state
 * and SLA clock, and the flow — request one for a seat, propose a candidate, accept or reject them, complete,
 * withdraw — through the same commands as the API's {@link ReplacementController}. Every role reads; the account
 * manager acts.
 */
@Controller
@BrowserPages
@Hidden
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
public class ReplacementPages {

    static final int PAGE_SIZE = 20;
    /** Enough engagements to name every one in the list and its filter. */
    private static final int ENGAGEMENT_NAMES = 200;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final Gateways gateways;
    private final ConsoleCommands commands;
    private final NewIds ids;
    private final Validator validator;
    private final Clock clock;
    private final SlaClock sla;

    public ReplacementPages(Gateways gateways, ConsoleCommands commands, NewIds ids, Validator validator, Clock clock,
                            BusinessDays businessDays) {
        this.gateways = gateways;
        this.commands = commands;
        this.ids = ids;
        this.validator = validator;
        this.clock = clock;
        this.sla = new SlaClock(businessDays);
    }

    @GetMapping("/replacements")
    public String list(@RequestParam(required = false) String engagementId,
                       @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") String page,
                       Model model) {
        ReplacementStatus chosen = FormValues.blank(status) ? null : Arrays.stream(ReplacementStatus.values())
                .filter(value -> value.name().equals(status)).findFirst()
                .orElseThrow(() -> RuleViolation.malformed("status", "type", "no such status: " + status));
        int pageNumber = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
        String engagement = text(engagementId);
        ReplacementPage found = gateways.query(new FindReplacements(engagement, chosen, pageNumber, PAGE_SIZE),
                ResponseTypes.instanceOf(ReplacementPage.class));
        model.addAttribute("replacements", found);
        model.addAttribute("slas", found.items().stream().collect(LinkedHashMap::new,
                (map, r) -> map.put(r.replacementId(), sla(r)), Map::putAll));
        model.addAttribute("engagementNames", engagementNames());
        model.addAttribute("statuses", ReplacementStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("engagementId", engagement == null ? "" : engagement);
        return "replacements/list";
    }

    @GetMapping("/replacements/{id}")
    public String replacement(@PathVariable String id, Model model) {
        ReplacementView replacement = find(id)
                .orElseThrow(() -> RuleViolation.notFound("id", "No replacement with id " + id + "."));
        model.addAttribute("replacement", replacement);
        model.addAttribute("engagement", engagement(replacement.engagementId()).orElse(null));
        model.addAttribute("sla", sla(replacement));
        model.addAttribute("pending", ReplacementAction.pending(replacement).orElse(null));
        List<ReplacementAction> offered = ReplacementAction.offered(replacement);
        model.addAttribute("actions", offered);
        for (ReplacementAction action : offered) {
            if (!model.containsAttribute(action.formName())) {
                model.addAttribute(action.formName(), new ReplacementForm());
            }
        }
        return "replacements/detail";
    }

    @GetMapping("/replacements/new")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String requestForm(@RequestParam String engagementId, @RequestParam(required = false) String seatId,
                              Model model, HttpServletRequest http) {
        String withToken = FormTokens.inAddress(http);
        if (withToken != null) {
            return withToken;
        }
        ReplacementForm form = new ReplacementForm();
        form.setEngagementId(engagementId);
        form.setSeatId(seatId);
        return showRequestForm(form, model);
    }

    @PostMapping("/replacements")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String request(@ModelAttribute("request") ReplacementForm form, BindingResult errors, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        ReplacementReason reason = null;
        if (FormValues.blank(form.getReason())) {
            errors.rejectValue("reason", "required", "Choose why the professional is replaced.");
        } else {
            reason = Arrays.stream(ReplacementReason.values()).filter(r -> r.name().equals(form.getReason()))
                    .findFirst().orElse(null);
            if (reason == null) {
                errors.rejectValue("reason", "type", "must be NON_PERFORMANCE, ATTRITION or CLIENT_REQUEST");
            }
        }
        RequestReplacementRequest request = new RequestReplacementRequest(text(form.getSeatId()), reason,
                text(form.getNote()));
        FormValues.validate(validator, request, errors, ReplacementPages::requestField);
        String engagementId = text(form.getEngagementId());
        if (engagementId == null || engagement(engagementId).isEmpty()) {
            throw RuleViolation.notFound("engagementId", "No engagement with id " + engagementId + ".");
        }
        String replacementId = ids.next("replacement");
        ConsoleCommands.Outcome outcome = ConsoleCommands.Outcome.REFUSED;
        if (!errors.hasErrors()) {
            // the same form sent again (its token derives the same id): the replacement it opened, not a second
            outcome = find(replacementId).isPresent() ? ConsoleCommands.Outcome.ALREADY_DONE
                    : commands.change(new RequestReplacement(engagementId, replacementId, request.seatId(),
                            request.reason(), request.note(), null), errors, ReplacementPages::requestField,
                            "replacementId");
        }
        if (outcome.refused()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showRequestForm(form, model);
        }
        awaitReadModel(replacementId, -1);
        redirect.addFlashAttribute("notice", outcome == ConsoleCommands.Outcome.ALREADY_DONE
                ? "This request was already sent; the replacement was requested once."
                : "Replacement requested; the SLA clock runs from today.");
        return "redirect:/replacements/" + replacementId;
    }

    @PostMapping("/replacements/{id}/actions/{path}")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String act(@PathVariable String id, @PathVariable String path,
                      @ModelAttribute("submitted") ReplacementForm form, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        ReplacementAction action = ConsoleAction.byPath(ReplacementAction.class, path)
                .orElseThrow(() -> RuleViolation.notFound("action", "No replacement action " + path + "."));
        ReplacementView before = find(id)
                .orElseThrow(() -> RuleViolation.notFound("id", "No replacement with id " + id + "."));
        BindingResult errors = new BeanPropertyBindingResult(form, action.formName());
        Object command = command(action, id, form, errors);
        // the same candidate form sent again (its token derives the same candidate id): proposed once already
        boolean proposedAlready = command instanceof ProposeCandidate propose && before.candidates().stream()
                .anyMatch(candidate -> candidate.candidateId().equals(propose.candidateId()));
        ConsoleCommands.Outcome outcome = command == null ? ConsoleCommands.Outcome.REFUSED
                : proposedAlready ? ConsoleCommands.Outcome.ALREADY_DONE
                : commands.change(command, errors, action::formField, "candidateId");
        if (outcome.refused()) {
            ConsoleAction.refused(action, form, errors, model, response);
            return replacement(id, model);
        }
        if (outcome == ConsoleCommands.Outcome.DONE) {
            awaitReadModel(id, before.version());
        }
        redirect.addFlashAttribute("notice", action.notice(outcome));
        return "redirect:/replacements/" + id;
    }

    /** The action's command, as the API's controller sends it; null when the form has mistakes. */
    private Object command(ReplacementAction action, String id, ReplacementForm form, Errors errors) {
        String candidateId = text(form.getCandidateId());
        Object command = switch (action) {
            case PROPOSE_CANDIDATE -> {
                ProposeCandidateRequest request = new ProposeCandidateRequest(text(form.getProfessionalId()),
                        text(form.getProfessionalName()));
                FormValues.validate(validator, request, errors, action::formField);
                yield errors.hasErrors() ? null : new ProposeCandidate(id, ids.next("candidate"),
                        request.professionalId(), request.professionalName(), null);
            }
            case ACCEPT_CANDIDATE -> {
                LocalDate startDate = date(errors, "startDate", form.getStartDate(),
                        "Enter the candidate's first day in the seat.");
                FormValues.validate(validator, new AcceptCandidateRequest(startDate), errors, action::formField);
                yield new AcceptCandidate(id, candidateId, startDate, null);
            }
            case REJECT_CANDIDATE -> {
                RejectCandidateRequest request = new RejectCandidateRequest(text(form.getReason()));
                FormValues.validate(validator, request, errors, action::formField);
                yield new RejectCandidate(id, candidateId, request.reason(), null);
            }
            case COMPLETE -> new CompleteReplacement(id, null);
            case WITHDRAW -> {
                WithdrawReplacementRequest request = new WithdrawReplacementRequest(text(form.getReason()));
                FormValues.validate(validator, request, errors, action::formField);
                yield new WithdrawReplacement(id, request.reason(), null);
            }
        };
        return errors.hasErrors() ? null : command;
    }

    private String showRequestForm(ReplacementForm form, Model model) {
        EngagementView engagement = engagement(form.getEngagementId()).orElseThrow(() ->
                RuleViolation.notFound("engagementId", "No engagement with id " + form.getEngagementId() + "."));
        model.addAttribute("request", form);
        model.addAttribute("engagement", engagement);
        List<SeatView> seats = engagement.seats().stream()
                .filter(seat -> seat.releaseDate() == null && seat.openReplacementId() == null).toList();
        model.addAttribute("seats", seats);
        model.addAttribute("reasons", ReplacementReason.values());
        return "replacements/new";
    }

    /** The form's field for a field the API's request or the aggregate names. */
    private static String requestField(String field) {
        return List.of("seatId", "reason", "note").contains(field) ? field : null;
    }

    /**
     * Where the SLA stands as of the server's clock: the day the replacement was requested, its due date, and the
     * business days left or late ({@link SlaClock}, counted as the service credit counts them), in words.
     */
    Sla sla(ReplacementView replacement) {
        LocalDate today = replacement.asOfDate();
        LocalDate due = replacement.slaDueDate();
        String checked = MINUTE.format(clock.instant().atOffset(ZoneOffset.UTC));
        boolean running = replacement.status() == ReplacementStatus.REQUESTED
                || replacement.status() == ReplacementStatus.CANDIDATE_PROPOSED;
        if (!running) {
            String text = replacement.breach() == null ? "Stopped within the SLA."
                    : "Stopped " + days(replacement.breach().businessDaysLate()) + " late.";
            return new Sla(text, replacement.breach() != null, false, checked);
        }
        if (today.isAfter(due)) {
            return new Sla("Overdue by " + days(sla.daysLate(due, today)) + " (due " + due + ").", true, true,
                    checked);
        }
        int left = sla.daysLeft(due, today);
        return new Sla(left == 0 ? "Due today (" + due + ")." : days(left) + " left (due " + due + ").", false, true,
                checked);
    }

    private static String days(int n) {
        return n == 1 ? "1 business day" : n + " business days";
    }

    /** The SLA clock as the page shows it: in words, whether it is overdue, and when the server read its clock. */
    public record Sla(String text, boolean overdue, boolean running, String checkedAt) {
    }

    private Map<String, String> engagementNames() {
        EngagementPage page = gateways.query(new FindEngagements(null, null, null, 0, ENGAGEMENT_NAMES),
                ResponseTypes.instanceOf(EngagementPage.class));
        Map<String, String> names = new LinkedHashMap<>();
        for (EngagementSummary e : page.items()) {
            names.put(e.engagementId(), e.clientName() + ": " + e.roleTitle());
        }
        return names;
    }

    private Optional<EngagementView> engagement(String id) {
        return FormValues.blank(id) ? Optional.empty()
                : gateways.query(new FindEngagement(id), ResponseTypes.optionalInstanceOf(EngagementView.class));
    }

    private Optional<ReplacementView> find(String id) {
        return gateways.query(new FindReplacement(id), ResponseTypes.optionalInstanceOf(ReplacementView.class));
    }

    /** Waits until the read model shows the change: a version after {@code before} (-1: the new one at all). */
    private void awaitReadModel(String id, long before) {
        ConsoleCommands.awaitReadModel(() -> find(id).filter(view -> view.version() > before).isPresent());
    }
}
