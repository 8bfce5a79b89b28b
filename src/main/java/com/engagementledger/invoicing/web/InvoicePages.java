package com.engagementledger.invoicing.web;

import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementSummary;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.invoicing.api.FindInvoice;
import com.engagementledger.invoicing.api.FindInvoices;
import com.engagementledger.invoicing.api.InvoiceIssuer;
import com.engagementledger.invoicing.api.InvoicePage;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceView;
import com.engagementledger.invoicing.api.IssueInvoice;
import com.engagementledger.invoicing.api.IssuedInvoice;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolationDetails;
import com.engagementledger.platform.console.FormValues;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.time.Today;
import com.engagementledger.platform.web.Amounts;
import com.engagementledger.platform.web.BrowserPages;
import com.engagementledger.platform.web.EventCollisions;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.NewIds;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Finance's invoice pages (issue 10, ADR 0041): the invoice list with filters, an invoice with its lines, balances
 * and movements, its PDF, and the forms that change it (draft, issue, payment, credit note). They read through the
 * API's queries ({@link FindInvoices}, {@link FindInvoice}), issue through the API's {@link InvoiceIssuer}, draft
 * through {@link InvoiceDrafting} and build payments and credit notes as the API does
 * ({@link InvoiceController#payment}, {@link InvoiceController#creditNote}), so every rule is the command side's:
 * the API's bean validation and the invoice's refusals are shown next to their field and nothing is stored. Reads
 * are open to the roles the API lets read invoices; changes to finance, as in the API.
 */
@Controller
@BrowserPages
@Hidden
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
public class InvoicePages {

    static final int PAGE_SIZE = 20;
    /** The most engagements the forms offer to choose from (the query's largest page). */
    static final int ENGAGEMENT_CHOICES = 200;
    /** The most invoices the overdue filter looks through (the query has no overdue filter of its own). */
    static final int OVERDUE_SCAN_LIMIT = 2_000;
    private static final int SCAN_PAGE = 200;
    /** How long a change may take to reach the read model before the page is shown anyway. */
    private static final long READ_MODEL_WAIT_MILLIS = 5_000;
    /** The invoice's names for a date, as the payment and credit note forms call it. */
    private static final Map<String, String> AGGREGATE_FIELDS = Map.of("receivedOn", "date", "issuedOn", "date");
    private static final List<String> MOVEMENT_FIELDS = List.of("amount", "currency", "date", "reference", "reason");

    private final Gateways gateways;
    private final NewIds ids;
    private final InvoicePdf pdf;
    private final InvoiceIssuer issuer;
    private final InvoiceDrafting drafting;
    private final Validator validator;
    private final Clock clock;

    public InvoicePages(Gateways gateways, NewIds ids, InvoicePdf pdf, InvoiceIssuer issuer,
                        InvoiceDrafting drafting, Validator validator, Clock clock) {
        this.gateways = gateways;
        this.ids = ids;
        this.pdf = pdf;
        this.issuer = issuer;
        this.drafting = drafting;
        this.validator = validator;
        this.clock = clock;
    }

    @ModelAttribute("amounts")
    public Amounts amounts() {
        return Amounts.TEXT;
    }

    @GetMapping("/invoices")
    public String list(@RequestParam(required = false) String status, @RequestParam(required = false) String client,
                       @RequestParam(required = false) String overdue, @RequestParam(defaultValue = "0") String page,
                       Model model) {
        InvoiceStatus chosen = blank(status) ? null : Arrays.stream(InvoiceStatus.values())
                .filter(value -> value.name().equals(status)).findFirst()
                .orElseThrow(() -> RuleViolation.malformed("status", "type", "no such status: " + status));
        String clientId = blank(client) ? null : client.strip();
        boolean onlyOverdue = "true".equals(overdue);
        int pageNumber = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0;
        InvoicePage found;
        if (onlyOverdue) {
            Overdue overdueInvoices = overdue(chosen, clientId);
            found = overdueInvoices.page();
            model.addAttribute("overdueIncomplete", !overdueInvoices.complete());
        } else {
            found = gateways.query(new FindInvoices(chosen, clientId, null, null, pageNumber, PAGE_SIZE),
                    ResponseTypes.instanceOf(InvoicePage.class));
        }
        model.addAttribute("invoices", found);
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("client", clientId == null ? "" : clientId);
        model.addAttribute("clients", clients());
        model.addAttribute("overdue", onlyOverdue);
        return "invoices/list";
    }

    /** The engagements' clients, id to name, by name: the client filter's choices. */
    private Map<String, String> clients() {
        Map<String, String> clients = new TreeMap<>();
        engagements().forEach(e -> clients.putIfAbsent(e.clientId(), e.clientName()));
        return clients.entrySet().stream().sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private List<EngagementSummary> engagements() {
        return gateways.query(new FindEngagements(null, null, null, 0, ENGAGEMENT_CHOICES),
                ResponseTypes.instanceOf(EngagementPage.class)).items();
    }

    /**
     * The overdue invoices among those of the status and client, on one page: the list query says of each invoice
     * whether it is overdue today but cannot select by it, so the pages are read through (up to a limit).
     */
    private Overdue overdue(InvoiceStatus status, String clientId) {
        List<InvoiceView> overdue = new ArrayList<>();
        for (int page = 0; (page + 1) * SCAN_PAGE <= OVERDUE_SCAN_LIMIT; page++) {
            InvoicePage found = gateways.query(new FindInvoices(status, clientId, null, null, page, SCAN_PAGE),
                    ResponseTypes.instanceOf(InvoicePage.class));
            found.items().stream().filter(InvoiceView::overdue).forEach(overdue::add);
            if (page + 1 >= found.totalPages()) {
                return new Overdue(new InvoicePage(overdue, 0, Math.max(overdue.size(), 1), overdue.size(), 1), true);
            }
        }
        return new Overdue(new InvoicePage(overdue, 0, Math.max(overdue.size(), 1), overdue.size(), 1), false);
    }

    /** The overdue invoices found, and whether every invoice was looked through. */
    private record Overdue(InvoicePage page, boolean complete) {
    }

    @GetMapping("/invoices/{id}")
    public String invoice(@PathVariable String id, Model model) {
        return detail(find(id), model);
    }

    /** The invoice's PDF, the API's own rendering, for a browser signed in to the console (the API takes none). */
    @GetMapping("/invoices/{id}.pdf")
    public ResponseEntity<byte[]> invoicePdf(@PathVariable String id) {
        InvoiceView invoice = find(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + pdf.fileName(invoice) + "\"")
                .body(pdf.render(invoice));
    }

    @GetMapping("/invoices/new")
    @RolesAllowed(Roles.FINANCE)
    public String draftForm(@RequestParam(required = false) String engagementId, Model model) {
        DraftForm form = new DraftForm();
        form.setEngagementId(engagementId);
        form.setPeriod(YearMonth.from(Today.in(clock, ZoneOffset.UTC)).minusMonths(1).toString());
        model.addAttribute("draft", form);
        return draftPage(model);
    }

    @PostMapping("/invoices/drafts")
    @RolesAllowed(Roles.FINANCE)
    public String draft(@ModelAttribute("draft") DraftForm form, BindingResult errors, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        DraftInvoiceRequest request = new DraftInvoiceRequest(trimmed(form.getEngagementId()),
                trimmed(form.getPeriod()));
        validate(request, errors, List.of("engagementId", "period"));
        String invoiceId = null;
        Long draftVersion = null;
        if (!errors.hasErrors()) {
            draftVersion = draftVersion(request.engagementId(), request.period());
            invoiceId = refusedOnFields(errors, List.of("engagementId", "period"),
                    () -> drafting.draft(request.engagementId(), YearMonth.parse(request.period())).invoiceId());
        }
        if (invoiceId == null) {
            response.setStatus(refusedStatus(errors).value());
            return draftPage(model);
        }
        String drafted = invoiceId;
        Long before = draftVersion;
        // a new draft once it is read; a recomputed one once its new version is
        awaitReadModel(drafted, invoice -> before == null || invoice.version() > before);
        redirect.addFlashAttribute("notice", "Draft for " + request.period() + " computed.");
        return "redirect:/invoices/" + drafted;
    }

    /** The version of the period's draft as the read model has it now; null when it has none. */
    private Long draftVersion(String engagementId, String period) {
        InvoicePage drafts = gateways.query(new FindInvoices(InvoiceStatus.DRAFT, null, engagementId, period, 0, 1),
                ResponseTypes.instanceOf(InvoicePage.class));
        return drafts.items().isEmpty() ? null : drafts.items().get(0).version();
    }

    private String draftPage(Model model) {
        model.addAttribute("engagements", engagements());
        return "invoices/new";
    }

    @PostMapping("/invoices/{id}/issue")
    @RolesAllowed(Roles.FINANCE)
    public String issue(@PathVariable String id, @RequestParam(required = false) String version, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        find(id);
        String refusal;
        HttpStatus status;
        try {
            IssuedInvoice issued = issuer.issue(new IssueInvoice(id, version(version)));
            awaitReadModel(id, invoice -> invoice.number() != null);
            redirect.addFlashAttribute("notice", "Issued as " + issued.number() + " on " + issued.issueDate()
                    + ", due " + issued.dueDate() + ".");
            return "redirect:/invoices/" + id;
        } catch (RuleViolation violation) {
            if (violation.kind() == RuleViolation.Kind.NOT_FOUND) {
                throw violation;
            }
            refusal = violation.getMessage();
            status = status(violation.kind());
        } catch (CommandExecutionException refused) {
            Optional<RuleViolationDetails> details = refused.getDetails();
            if (details.isEmpty() && !isConflict(refused)) {
                throw refused;
            }
            refusal = details.map(RuleViolationDetails::message).orElseGet(InvoicePages::changedMeanwhile);
            status = details.map(found -> status(found.kind())).orElse(HttpStatus.CONFLICT);
        } catch (ConcurrencyException | ConflictingModificationException conflict) {
            refusal = changedMeanwhile();
            status = HttpStatus.CONFLICT;
        }
        response.setStatus(status.value());
        model.addAttribute("issueError", refusal);
        return detail(find(id), model);
    }

    @PostMapping("/invoices/{id}/payments")
    @RolesAllowed(Roles.FINANCE)
    public String pay(@PathVariable String id, @ModelAttribute("payment") MovementForm form, BindingResult errors,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        find(id);
        BigDecimal amount = amount(form, errors);
        LocalDate date = date(form, errors);
        PaymentRequest request = new PaymentRequest(amount, trimmed(form.getCurrency()), date,
                trimmed(form.getReference()));
        validate(request, errors, MOVEMENT_FIELDS);
        Long version = version(form, errors);
        Long next = recorded(errors, () -> InvoiceController.payment(ids, id, version, request));
        return afterMovement(id, next, errors, model, redirect, response,
                () -> "Payment of " + money(amount, request.currency()) + " recorded.");
    }

    @PostMapping("/invoices/{id}/credit-notes")
    @RolesAllowed(Roles.FINANCE)
    public String creditNote(@PathVariable String id, @ModelAttribute("creditNote") MovementForm form,
                             BindingResult errors, Model model, RedirectAttributes redirect,
                             HttpServletResponse response) {
        find(id);
        BigDecimal amount = amount(form, errors);
        LocalDate date = date(form, errors);
        CreditNoteRequest request = new CreditNoteRequest(amount, trimmed(form.getCurrency()), date,
                trimmed(form.getReason()));
        validate(request, errors, MOVEMENT_FIELDS);
        Long version = version(form, errors);
        Long next = recorded(errors, () -> InvoiceController.creditNote(ids, id, version, request));
        return afterMovement(id, next, errors, model, redirect, response,
                () -> "Credit note of " + money(amount, request.currency()) + " issued.");
    }

    /**
     * Sends the payment or credit note the form makes unless the form has mistakes, and answers the invoice's version
     * after it; null when it was not recorded (the refusal is then on the form).
     */
    private Long recorded(BindingResult errors, Supplier<Object> command) {
        return errors.hasErrors() ? null : refusedOnFields(errors, MOVEMENT_FIELDS,
                () -> InvoiceController.versionOf(gateways.send(command.get())));
    }

    /** The invoice again: with the form's mistakes (422, or 409 when refused by its state), or after the change. */
    private String afterMovement(String id, Long version, BindingResult errors, Model model,
                                 RedirectAttributes redirect, HttpServletResponse response,
                                 Supplier<String> notice) {
        if (version == null) {
            response.setStatus(refusedStatus(errors).value());
            return detail(find(id), model);
        }
        awaitReadModel(id, invoice -> invoice.version() >= version);
        redirect.addFlashAttribute("notice", notice.get());
        return "redirect:/invoices/" + id;
    }

    private String detail(InvoiceView invoice, Model model) {
        model.addAttribute("invoice", invoice);
        String today = invoice.asOfDate() == null ? null : invoice.asOfDate().toString();
        if (!model.containsAttribute("payment")) {
            model.addAttribute("payment", MovementForm.blank(invoice.currency(), today));
        }
        if (!model.containsAttribute("creditNote")) {
            model.addAttribute("creditNote", MovementForm.blank(invoice.currency(), today));
        }
        model.addAttribute("collectable", invoice.status() == InvoiceStatus.ISSUED
                || invoice.status() == InvoiceStatus.PARTIALLY_PAID);
        return "invoices/detail";
    }

    /** A form's refusal: 422 for mistakes in its fields, 409 when only the state refused it (or a change meanwhile). */
    private static HttpStatus refusedStatus(BindingResult errors) {
        return errors.hasGlobalErrors() && !errors.hasFieldErrors() ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_ENTITY;
    }

    /** The API's bean validation of the request, each message on its form field (one per field). */
    private <R> void validate(R request, BindingResult errors, List<String> fields) {
        for (ConstraintViolation<R> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            if (fields.contains(field)) {
                if (!errors.hasFieldErrors(field)) {
                    errors.rejectValue(field, "invalid", violation.getMessage());
                }
            } else {
                errors.reject("invalid", field + ": " + violation.getMessage());
            }
        }
    }

    /**
     * Sends what {@code command} sends and answers its result; a refusal (the invoice's or the engagement's rule, or a
     * change made meanwhile) goes on the form field it names, or on the form, and the answer is null.
     */
    private <T> T refusedOnFields(BindingResult errors, List<String> fields, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuleViolation violation) {
            reject(errors, fields, violation.field(), violation.getMessage());
        } catch (CommandExecutionException refused) {
            Optional<RuleViolationDetails> details = refused.getDetails();
            if (details.isPresent()) {
                reject(errors, fields, details.get().field(), details.get().message());
            } else if (isConflict(refused)) {
                errors.reject("conflict", changedMeanwhile());
            } else {
                throw refused;
            }
        } catch (ConcurrencyException | ConflictingModificationException conflict) {
            errors.reject("conflict", changedMeanwhile());
        }
        return null;
    }

    private static void reject(BindingResult errors, List<String> fields, String field, String message) {
        String formField = field == null ? null : AGGREGATE_FIELDS.getOrDefault(field, field);
        if (formField != null && fields.contains(formField)) {
            errors.rejectValue(formField, "rule", message);
        } else {
            errors.reject("rule", message);
        }
    }

    private static boolean isConflict(Throwable failure) {
        return EventCollisions.isConcurrentChange(failure);
    }

    private static String changedMeanwhile() {
        return "The invoice changed while this page was open: it is shown again as it is now; check it and"
                + " send the form again.";
    }

    /** An amount accepted by the invoice: in its currency, with that currency's minor digits. */
    private static String money(BigDecimal amount, String currency) {
        return currency + " " + Amounts.format(amount, currency);
    }

    private static BigDecimal amount(MovementForm form, BindingResult errors) {
        return FormValues.number(errors, "amount", form.getAmount(), "Enter the amount.", "1250.00");
    }

    private static LocalDate date(MovementForm form, BindingResult errors) {
        if (blank(form.getDate())) {
            errors.rejectValue("date", "required", "Enter the date.");
            return null;
        }
        try {
            return LocalDate.parse(form.getDate().strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue("date", "type", "must be a date such as 2027-03-17");
            return null;
        }
    }

    /** The version the page showed (sent back as the command's expected version); null when missing or not one. */
    private static Long version(String text) {
        return text != null && text.matches("[0-9]{1,18}") ? Long.parseLong(text) : null;
    }

    /**
     * The version a payment or credit note form sent: none is "whatever the invoice is now" (as the API without
     * If-Match), but one that is not a version is refused, never read as none.
     */
    static Long version(MovementForm form, BindingResult errors) {
        if (!blank(form.getVersion()) && version(form.getVersion().strip()) == null) {
            errors.reject("version", "The invoice's version sent with the form (" + form.getVersion().strip()
                    + ") is not a version; reload the invoice and try again.");
        }
        return blank(form.getVersion()) ? null : version(form.getVersion().strip());
    }

    private static HttpStatus status(RuleViolation.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case INVALID_INPUT -> HttpStatus.UNPROCESSABLE_ENTITY;
            case ILLEGAL_STATE -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private InvoiceView find(String id) {
        return findOptional(id).orElseThrow(() -> RuleViolation.notFound("id", "No invoice with id " + id + "."));
    }

    private Optional<InvoiceView> findOptional(String id) {
        return gateways.query(new FindInvoice(id), ResponseTypes.optionalInstanceOf(InvoiceView.class));
    }

    /** The read model follows the event store within moments; the page after a change should show it. */
    private void awaitReadModel(String invoiceId, Predicate<InvoiceView> caughtUp) {
        long deadline = System.nanoTime() + READ_MODEL_WAIT_MILLIS * 1_000_000;
        while (!findOptional(invoiceId).filter(caughtUp).isPresent() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }

    /** The draft form: an engagement and a month ({@code YYYY-MM}), as typed. */
    public static class DraftForm {
        private String engagementId;
        private String period;

        public String getEngagementId() {
            return engagementId;
        }

        public void setEngagementId(String engagementId) {
            this.engagementId = engagementId;
        }

        public String getPeriod() {
            return period;
        }

        public void setPeriod(String period) {
            this.period = period;
        }
    }

    /**
     * The payment and credit note forms, as typed: amount, currency, date, a payment's reference or a credit note's
     * reason, and the invoice's version the page showed.
     */
    public static class MovementForm {
        private String amount;
        private String currency;
        private String date;
        private String reference;
        private String reason;
        private String version;

        static MovementForm blank(String currency, String date) {
            MovementForm form = new MovementForm();
            form.setCurrency(currency);
            form.setDate(date);
            return form;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getCurrency() {
            return currency;
        }

        public void setCurrency(String currency) {
            this.currency = currency;
        }

        public String getDate() {
            return date;
        }

        public void setDate(String date) {
            this.date = date;
        }

        public String getReference() {
            return reference;
        }

        public void setReference(String reference) {
            this.reference = reference;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public String getVersion() {
            return version;
        }

        public void setVersion(String version) {
            this.version = version;
        }
    }
}
