package com.engagementledger.engagement.web;

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
import com.engagementledger.platform.api.RuleViolationDetails;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.BrowserPages;
import com.engagementledger.platform.web.Gateways;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
    /** How long a new proposal may take to reach the read model before its page is shown anyway. */
    private static final long READ_MODEL_WAIT_MILLIS = 5_000;

    private final Gateways gateways;
    private final Proposals proposals;
    private final Validator validator;

    public EngagementPages(Gateways gateways, Proposals proposals, Validator validator) {
        this.gateways = gateways;
        this.proposals = proposals;
        this.validator = validator;
    }

    @GetMapping("/engagements")
    public String list(@RequestParam(required = false) String status, @RequestParam(required = false) String client,
                       @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String page,
                       Model model) {
        EngagementStatus chosen = blank(status) ? null : Arrays.stream(EngagementStatus.values())
                .filter(value -> value.name().equals(status)).findFirst()
                .orElseThrow(() -> RuleViolation.malformed("status", "type", "no such status: " + status));
        int pageNumber = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
        EngagementPage found = gateways.query(new FindEngagements(chosen, blank(client) ? null : client.strip(),
                blank(q) ? null : q.strip(), pageNumber, PAGE_SIZE), ResponseTypes.instanceOf(EngagementPage.class));
        model.addAttribute("engagements", found);
        model.addAttribute("statuses", EngagementStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("client", blank(client) ? "" : client.strip());
        model.addAttribute("q", blank(q) ? "" : q.strip());
        return "engagements/list";
    }

    @GetMapping("/engagements/{id}")
    public String engagement(@PathVariable String id, Authentication caller, Model model) {
        EngagementView engagement = find(id)
                .orElseThrow(() -> RuleViolation.notFound("id", "No engagement with id " + id + "."));
        model.addAttribute("engagement", engagement);
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
    public String proposalForm(Model model) {
        model.addAttribute("proposal", new ProposalForm());
        model.addAttribute("billingModels", BillingModel.values());
        return "engagements/new";
    }

    @PostMapping("/engagements")
    @RolesAllowed(Roles.ACCOUNT_MANAGER)
    public String propose(@ModelAttribute("proposal") ProposalForm form, BindingResult errors, Model model,
                          RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("billingModels", BillingModel.values());
        ProposeEngagementRequest request = request(form, errors);
        // the API's bean validation, on every field that could be read (one message per field)
        for (ConstraintViolation<ProposeEngagementRequest> violation : validator.validate(request)) {
            String field = formField(violation.getPropertyPath().toString());
            if (field == null || !errors.hasFieldErrors(field)) {
                reject(errors, violation.getPropertyPath().toString(), violation.getMessage());
            }
        }
        String engagementId = null;
        if (!errors.hasErrors()) {
            ProposeEngagement command = proposals.command(request);
            try {
                gateways.send(command);
                engagementId = command.engagementId();
            } catch (RuleViolation violation) {
                reject(errors, violation.field(), violation.getMessage());
            } catch (CommandExecutionException refused) {
                // the aggregate's rule violation, as the command bus hands it back
                RuleViolationDetails details = refused.<RuleViolationDetails>getDetails().orElseThrow(() -> refused);
                reject(errors, details.field(), details.message());
            }
        }
        if (engagementId == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "engagements/new";
        }
        awaitReadModel(engagementId);
        redirect.addFlashAttribute("notice", "Engagement proposed for " + form.getClientName() + ".");
        return "redirect:/engagements/" + engagementId;
    }

    /** The form as the API's request; what cannot be read is rejected on its field and left out. */
    private static ProposeEngagementRequest request(ProposalForm form, BindingResult errors) {
        SeatForm seat = form.getSeats().isEmpty() ? new SeatForm() : form.getSeats().get(0);
        BillingModel billingModel = null;
        if (blank(form.getBillingModel())) {
            errors.rejectValue("billingModel", "required", "Choose how the engagement is billed.");
        } else {
            billingModel = Arrays.stream(BillingModel.values()).filter(m -> m.name().equals(form.getBillingModel()))
                    .findFirst().orElse(null);
            if (billingModel == null) {
                errors.rejectValue("billingModel", "type", "must be HOURLY or MONTHLY");
            }
        }
        BigDecimal rate = null;
        if (blank(seat.getRate())) {
            errors.rejectValue("seats[0].rate", "required", "Enter the seat's rate.");
        } else {
            try {
                rate = new BigDecimal(seat.getRate().strip());
            } catch (NumberFormatException e) {
                errors.rejectValue("seats[0].rate", "type", "must be a number such as 9800.00");
            }
        }
        LocalDate startDate = null;
        if (blank(seat.getStartDate())) {
            errors.rejectValue("seats[0].startDate", "required", "Enter the seat's first day.");
        } else {
            try {
                startDate = LocalDate.parse(seat.getStartDate().strip());
            } catch (DateTimeParseException e) {
                errors.rejectValue("seats[0].startDate", "type", "must be a date such as 2035-03-05");
            }
        }
        Integer trialDays = null;
        if (!blank(form.getTrialDays())) {
            if (form.getTrialDays().strip().matches("[0-9]{1,4}")) {
                trialDays = Integer.parseInt(form.getTrialDays().strip());
            } else {
                errors.rejectValue("trialDays", "type", "must be a whole number of days, 0 for no trial");
            }
        }
        TermsRequest terms = trialDays == null ? null
                : new TermsRequest(null, null, null, null, trialDays, null, null, null, null, null, null);
        return new ProposeEngagementRequest(trimmed(form.getClientId()), trimmed(form.getClientName()),
                trimmed(form.getRoleTitle()), trimmed(form.getCurrency()), billingModel,
                List.of(new SeatRequest(trimmed(seat.getProfessionalId()), trimmed(seat.getProfessionalName()), rate,
                        startDate)), terms);
    }

    /** A mistake on the form field it names, or on the form as a whole when it names none of them. */
    private static void reject(BindingResult errors, String field, String message) {
        String formField = formField(field);
        if (formField != null) {
            errors.rejectValue(formField, "rule", message);
        } else {
            errors.reject("rule", (field == null ? "" : field + ": ") + message);
        }
    }

    /** The form's field for a field the API's request or the aggregate names; null for none of the form's. */
    private static String formField(String field) {
        String name = "terms.trialDays".equals(field) ? "trialDays" : field;
        return name != null && FORM_FIELDS.contains(name) ? name : null;
    }

    /** The read model follows the event store within moments; the new engagement's page should show it. */
    private void awaitReadModel(String engagementId) {
        long deadline = System.nanoTime() + READ_MODEL_WAIT_MILLIS * 1_000_000;
        while (find(engagementId).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }
}
