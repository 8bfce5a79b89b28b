package com.engagementledger.engagement.web;

import static com.engagementledger.platform.console.FormValues.text;

import com.engagementledger.audit.api.AggregateHistory;
import com.engagementledger.audit.api.AuditEventItem;
import com.engagementledger.audit.api.FindAggregateHistory;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.console.ConsoleAction;
import com.engagementledger.platform.console.ConsoleCommands;
import com.engagementledger.platform.console.FormTokens;
import com.engagementledger.platform.console.FormValues;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.Amounts;
import com.engagementledger.platform.web.BrowserPages;
import com.engagementledger.platform.web.Gateways;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's engagement pages (ADR 0041): the list with filters and paging, an engagement's page with its seats,
 * rates, key dates and timeline, and the proposal form. They read through the same queries as the API
 * ({@link FindEngagements}, {@link FindEngagement}, the audit history's {@link FindAggregateHistory}) and propose
 * through the same command ({@link Proposals}); a proposal's mistakes, found by the API's bean validation or the
 * aggregate's rules, are shown next to their field and nothing is stored.
 */
@Controller
@BrowserPages
@Hidden
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
public class EngagementPages {

    static final int PAGE_SIZE = 20;
    static final int TIMELINE_LIMIT = 500;
    /** The form's fields, as the API's request names them. */
    private static final Set<String> FORM_FIELDS = Set.of("clientId", "clientName", "roleTitle", "currency",
            "billingModel", "trialDays", "seats[0].professionalId", "seats[0].professionalName", "seats[0].rate",
            "seats[0].startDate");

    private final Gateways gateways;
    private final Proposals proposals;
    private final Validator validator;
    private final ConsoleCommands commands;
    private final EngagementActions actions;

    public EngagementPages(Gateways gateways, Proposals proposals, Validator validator, ConsoleCommands commands,
                           EngagementActions actions) {
        this.gateways = gateways;
        this.proposals = proposals;
        this.validator = validator;
        this.commands = commands;
        this.actions = actions;
    }

    /** Money on the engagement pages as on the invoices': the currency's minor digits, thousands grouped. */
    @ModelAttribute("amounts")
    public Amounts amounts() {
        return Amounts.TEXT;
    }

    @GetMapping("/engagements")
    public String list(@RequestParam(required = false) String status, @RequestParam(required = false) String client,
                       @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String page,
                       Model model) {
        EngagementStatus chosen = FormValues.blank(status) ? null : Arrays.stream(EngagementStatus.values())
                .filter(value -> value.name().equals(status)).findFirst()
                .orElseThrow(() -> RuleViolation.malformed("status", "type", "no such status: " + status));
        int pageNumber = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
        EngagementPage found = gateways.query(new FindEngagements(chosen, FormValues.text(client),
                FormValues.text(q), pageNumber, PAGE_SIZE), ResponseTypes.instanceOf(EngagementPage.class));
        model.addAttribute("engagements", found);
        model.addAttribute("statuses", EngagementStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("client", FormValues.blank(client) ? "" : client.strip());
        model.addAttribute("q", FormValues.blank(q) ? "" : q.strip());
        return "engagements/list";
    }

    @GetMapping("/engagements/{id}")
    public String engagement(@PathVariable String id, Authentication caller, Model model) {
        EngagementView engagement = find(id)
                .orElseThrow(() -> RuleViolation.notFound("id", "No engagement with id " + id + "."));
        model.addAttribute("engagement", engagement);
        List<EngagementAction> offered = EngagementAction.offered(engagement);
        model.addAttribute("actions", offered);
        for (EngagementAction action : offered) {
            if (!model.containsAttribute(action.formName())) {
                model.addAttribute(action.formName(), new EngagementActionForm());
            }
        }
        model.addAttribute("releasableSeats", EngagementAction.releasable(engagement));
        model.addAttribute("releasedSeats", EngagementAction.released(engagement));
        model.addAttribute("scheduledRateChanges", EngagementAction.scheduledRateChanges(engagement));
        try {
            AggregateHistory history = gateways.query(new FindAggregateHistory("engagement", id, TIMELINE_LIMIT,
                            caller.getName(), roles(caller), "GET /engagements/{id}"),
                    ResponseTypes.instanceOf(AggregateHistory.class));
            model.addAttribute("timeline", history.items().stream().map(EngagementPages::entry).toList());
            model.addAttribute("timelineComplete", history.complete());
        } catch (NoHandlerForQueryException withoutAuditHistory) {
            // with Axon Server there is no audit history in this application (ADR 0029)
            model.addAttribute("timeline", null);
        }
        return "engagements/detail";
    }

    @GetMapping("/engagements/new")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String proposalForm(Model model, HttpServletRequest request) {
        String withToken = FormTokens.inAddress(request);
        if (withToken != null) {
            return withToken;
        }
        model.addAttribute("proposal", new ProposalForm());
        model.addAttribute("billingModels", BillingModel.values());
        return "engagements/new";
    }

    @PostMapping("/engagements")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String propose(@ModelAttribute("proposal") ProposalForm form, BindingResult errors, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("billingModels", BillingModel.values());
        ProposeEngagementRequest request = request(form, errors);
        // the API's bean validation, on every field that could be read (one message per field)
        FormValues.validate(validator, request, errors, EngagementPages::formField);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "engagements/new";
        }
        ProposeEngagement command = proposals.command(request);
        String engagementId = command.engagementId();
        // the same form sent again (its token derives the same id): the engagement it proposed, not a second one
        ConsoleCommands.Outcome outcome = find(engagementId).isPresent() ? ConsoleCommands.Outcome.ALREADY_DONE
                : commands.create(command, errors, EngagementPages::formField);
        if (outcome.refused()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "engagements/new";
        }
        awaitReadModel(engagementId, -1);
        redirect.addFlashAttribute("notice", outcome == ConsoleCommands.Outcome.ALREADY_DONE
                ? "This proposal was already sent; it was made once."
                : "Engagement proposed for " + form.getClientName() + ".");
        return "redirect:/engagements/" + engagementId;
    }

    @PostMapping("/engagements/{id}/actions/{path}")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String act(@PathVariable String id, @PathVariable String path,
                      @ModelAttribute("submitted") EngagementActionForm form, Authentication caller, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        EngagementAction action = ConsoleAction.byPath(EngagementAction.class, path)
                .orElseThrow(() -> RuleViolation.notFound("action", "No engagement action " + path + "."));
        EngagementView before = find(id)
                .orElseThrow(() -> RuleViolation.notFound("id", "No engagement with id " + id + "."));
        BindingResult errors = new BeanPropertyBindingResult(form, action.formName());
        Object command = actions.command(action, id, form, errors);
        ConsoleCommands.Outcome outcome = command == null ? ConsoleCommands.Outcome.REFUSED
                : commands.change(command, errors, action::formField, EngagementActions.newIds(action));
        if (outcome.refused()) {
            ConsoleAction.refused(action, form, errors, model, response);
            return engagement(id, caller, model);
        }
        if (outcome == ConsoleCommands.Outcome.DONE) {
            awaitReadModel(id, before.version());
        }
        redirect.addFlashAttribute("notice", action.notice(outcome));
        return "redirect:/engagements/" + id;
    }

    /** The form as the API's request; what cannot be read is rejected on its field and left out. */
    private static ProposeEngagementRequest request(ProposalForm form, BindingResult errors) {
        SeatForm seat = form.getSeats().isEmpty() ? new SeatForm() : form.getSeats().get(0);
        BillingModel billingModel = null;
        if (FormValues.blank(form.getBillingModel())) {
            errors.rejectValue("billingModel", "required", "Choose how the engagement is billed.");
        } else {
            billingModel = Arrays.stream(BillingModel.values()).filter(m -> m.name().equals(form.getBillingModel()))
                    .findFirst().orElse(null);
            if (billingModel == null) {
                errors.rejectValue("billingModel", "type", "must be HOURLY or MONTHLY");
            }
        }
        BigDecimal rate = FormValues.number(errors, "seats[0].rate", seat.getRate(), "Enter the seat's rate.");
        LocalDate startDate = FormValues.date(errors, "seats[0].startDate", seat.getStartDate(),
                "Enter the seat's first day.");
        Integer trialDays = null;
        if (!FormValues.blank(form.getTrialDays())) {
            if (form.getTrialDays().strip().matches("[0-9]{1,4}")) {
                trialDays = Integer.parseInt(form.getTrialDays().strip());
            } else {
                errors.rejectValue("trialDays", "type", "must be a whole number of days, 0 for no trial");
            }
        }
        TermsRequest terms = trialDays == null ? null
                : new TermsRequest(null, null, null, null, trialDays, null, null, null, null, null, null);
        return new ProposeEngagementRequest(text(form.getClientId()), text(form.getClientName()),
                text(form.getRoleTitle()), text(form.getCurrency()), billingModel,
                List.of(new SeatRequest(text(seat.getProfessionalId()), text(seat.getProfessionalName()), rate,
                        startDate)), terms);
    }

    /** The form's field for a field the API's request or the aggregate names; null for none of the form's. */
    private static String formField(String field) {
        String name = "terms.trialDays".equals(field) ? "trialDays" : field;
        return name != null && FORM_FIELDS.contains(name) ? name : null;
    }

    /** Waits until the read model shows the change: a version after {@code before} (-1: the new one at all). */
    private void awaitReadModel(String id, long before) {
        ConsoleCommands.awaitReadModel(() -> find(id).filter(view -> view.version() > before).isPresent());
    }

    private Optional<EngagementView> find(String id) {
        return gateways.query(new FindEngagement(id), ResponseTypes.optionalInstanceOf(EngagementView.class));
    }

    private static TimelineEntry entry(AuditEventItem item) {
        return new TimelineEntry(item.sequence(), item.timestamp(), item.eventType(),
                item.metadata() == null ? null : item.metadata().actor(),
                item.metadata() == null ? null : item.metadata().reason());
    }

    private static String roles(Authentication caller) {
        List<String> roles = new ArrayList<>();
        caller.getAuthorities().forEach(authority -> roles.add(authority.getAuthority().replaceFirst("^ROLE_", "")));
        return roles.stream().sorted().collect(Collectors.joining(","));
    }
}
