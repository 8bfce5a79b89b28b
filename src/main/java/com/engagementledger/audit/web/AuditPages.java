package com.engagementledger.audit.web;

import com.engagementledger.audit.api.AggregateStateAsOf;
import com.engagementledger.audit.api.AuditEventItem;
import com.engagementledger.audit.api.AuditEventPage;
import com.engagementledger.audit.chain.AuditChain;
import com.engagementledger.audit.history.AuditHistory;
import com.engagementledger.audit.history.EventJson;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.BrowserPages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' console pages (ADR 0041, issue 10): the event explorer with the audit API's filters, paged by its
 * cursor; one event with its metadata, payload and chain links; an aggregate's state as of an instant; verification
 * of the hash chain; the public key as a download. Each page asks the audit API's own handlers
 * ({@link AuditHistoryController}, {@link AuditController}), so that its selection, validation and rules are the
 * API's; every request to these pages is recorded in the audit access log by the API's {@link AccessRecording}
 * (registered for {@code /audit/**} too), with who asked, in which roles, the query and the status.
 */
@Controller
@BrowserPages
@Hidden
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class AuditPages {

    static final int PAGE_SIZE = 25;
    static final List<String> AGGREGATE_TYPES = List.of("engagement", "replacement", "timesheet", "invoice",
            "invoice-numbers", "ip-transfer");
    private static final int MAX_TEXT = 255;

    private final AuditHistoryController historyApi;
    private final AuditController chainApi;
    private final AuditHistory history;
    private final AuditChain chain;
    private final EventJson json;
    private final ObjectMapper objectMapper;

    public AuditPages(AuditHistoryController historyApi, AuditController chainApi, AuditHistory history,
                      AuditChain chain, EventJson json, ObjectMapper objectMapper) {
        this.historyApi = historyApi;
        this.chainApi = chainApi;
        this.history = history;
        this.chain = chain;
        this.json = json;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/audit/events")
    public String events(@RequestParam(required = false) String aggregateType,
                         @RequestParam(required = false) String aggregateId,
                         @RequestParam(required = false) String clientId,
                         @RequestParam(required = false) String actor,
                         @RequestParam(required = false) String eventType,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) String cursor,
                         Model model, HttpServletResponse response) throws IOException {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("aggregateType", trimmed(aggregateType));
        filters.put("aggregateId", trimmed(aggregateId));
        filters.put("clientId", trimmed(clientId));
        filters.put("actor", trimmed(actor));
        filters.put("eventType", trimmed(eventType));
        filters.put("from", trimmed(from));
        filters.put("to", trimmed(to));
        Map<String, String> errors = new LinkedHashMap<>();
        String type = filters.get("aggregateType");
        if (type != null && !AGGREGATE_TYPES.contains(type)) {
            errors.put("aggregateType", "must be one of " + String.join(", ", AGGREGATE_TYPES));
        }
        for (String field : List.of("aggregateId", "clientId", "actor", "eventType")) {
            if (filters.get(field) != null && filters.get(field).length() > MAX_TEXT) {
                errors.put(field, "must be at most " + MAX_TEXT + " characters");
            }
        }
        String fromInstant = instant("from", filters.get("from"), errors);
        String toInstant = instant("to", filters.get("to"), errors);
        model.addAttribute("filters", filters);
        model.addAttribute("aggregateTypes", AGGREGATE_TYPES);
        model.addAttribute("cursor", trimmed(cursor));
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            try {
                AuditEventPage page = historyApi.events(type, filters.get("aggregateId"), filters.get("clientId"),
                        filters.get("actor"), filters.get("eventType"), fromInstant, toInstant, trimmed(cursor),
                        PAGE_SIZE, null, null);
                model.addAttribute("page", page);
            } catch (RuleViolation violation) {
                errors.put(fieldOr(violation.field(), "form"), violation.getMessage());
            } catch (ConstraintViolationException violations) {
                violations.getConstraintViolations().forEach(v -> errors.put(parameter(v), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "audit/events";
    }

    @GetMapping("/audit/events/{position}")
    public String event(@PathVariable String position, Model model) throws JsonProcessingException {
        long at = position.matches("[0-9]{1,18}") ? Long.parseLong(position) : -1;
        AuditEventItem item = (at < 1 ? java.util.Optional.<AuditEventItem>empty()
                : history.at(at).map(json::item))
                .orElseThrow(() -> RuleViolation.notFound("position", "No event at position " + position + "."));
        model.addAttribute("event", item);
        model.addAttribute("payload", pretty(item.payload()));
        model.addAttribute("previousLink", item.hash() == null ? null : chain.linkBefore(item.position()));
        model.addAttribute("stateAsOf", datetimeLocal(item.timestamp()));
        return "audit/event";
    }

    @GetMapping("/audit/state")
    public String state(@RequestParam(required = false) String aggregateType,
                        @RequestParam(required = false) String aggregateId,
                        @RequestParam(required = false) String asOf,
                        Model model, HttpServletResponse response) throws JsonProcessingException {
        String type = trimmed(aggregateType);
        String id = trimmed(aggregateId);
        String at = trimmed(asOf);
        model.addAttribute("aggregateTypes", AGGREGATE_TYPES);
        model.addAttribute("aggregateType", type == null ? "engagement" : type);
        model.addAttribute("aggregateId", id == null ? "" : id);
        model.addAttribute("asOf", at == null ? "" : at);
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("errors", errors);
        if (type == null && id == null && at == null) {
            return "audit/state";
        }
        if (type == null || !AGGREGATE_TYPES.contains(type)) {
            errors.put("aggregateType", "must be one of " + String.join(", ", AGGREGATE_TYPES));
        }
        if (id == null) {
            errors.put("aggregateId", "Enter the aggregate's id.");
        } else if (id.length() > MAX_TEXT) {
            errors.put("aggregateId", "must be at most " + MAX_TEXT + " characters");
        }
        String instant = at == null ? null : instant("asOf", at, errors);
        if (at == null) {
            errors.put("asOf", "Enter the date and time (UTC).");
        }
        int status = HttpStatus.BAD_REQUEST.value();
        if (errors.isEmpty()) {
            try {
                AggregateStateAsOf state = historyApi.state(type, id, instant);
                model.addAttribute("state", state);
                model.addAttribute("stateJson", state.state() == null ? null : pretty(state.state()));
            } catch (RuleViolation violation) {
                errors.put(fieldOr("id".equals(violation.field()) ? "aggregateId" : violation.field(), "form"),
                        violation.getMessage());
                status = violation.kind() == RuleViolation.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND.value()
                        : violation.kind() == RuleViolation.Kind.ILLEGAL_STATE ? HttpStatus.CONFLICT.value()
                        : status;
            } catch (ConstraintViolationException violations) {
                violations.getConstraintViolations().forEach(v -> errors.put(parameter(v), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(status);
        }
        return "audit/state";
    }

    @GetMapping("/audit/verify")
    public String verifyPage(Model model) {
        model.addAttribute("keyId", chain.currentKeyId());
        return "audit/verify";
    }

    @PostMapping("/audit/verify")
    public String verify(Model model) {
        model.addAttribute("keyId", chain.currentKeyId());
        model.addAttribute("report", chainApi.verify());
        return "audit/verify";
    }

    /** The API's PEM of the current public key, as a download for the signed-in browser. */
    @GetMapping("/audit/public-key")
    public ResponseEntity<String> publicKey() {
        ResponseEntity<String> key = chainApi.publicKey(null);
        String keyId = key.getHeaders().getFirst("X-Key-Id");
        String file = "audit-public-key-" + (keyId == null ? "current" : keyId.replaceAll("[^A-Za-z0-9._-]", "_"))
                + ".pem";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, AuditController.PEM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header("X-Key-Id", keyId)
                .body(key.getBody());
    }

    /**
     * A date-time the form gave (an HTML {@code datetime-local} value, taken as UTC, or an ISO-8601 instant) as the
     * API's instant text; null, with the field's error, when it is neither.
     */
    static String instant(String field, String text, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException e) {
                errors.put(field, "must be a date and time such as 2027-03-17T09:30 (UTC)");
                return null;
            }
        }
    }

    /**
     * A stored timestamp as a {@code datetime-local} value (UTC), rounded up to the second so that the state as of it
     * includes the event; empty when it is no instant.
     */
    static String datetimeLocal(String timestamp) {
        try {
            Instant at = Instant.parse(timestamp);
            Instant second = at.truncatedTo(ChronoUnit.SECONDS);
            return LocalDateTime.ofInstant(second.equals(at) ? at : second.plusSeconds(1), ZoneOffset.UTC)
                    .toString();
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    private String pretty(JsonNode node) throws JsonProcessingException {
        return node == null ? null : objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** The request parameter a method-validation failure names (the last node of its path). */
    private static String parameter(ConstraintViolation<?> violation) {
        String name = "form";
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return "id".equals(name) ? "aggregateId" : name;
    }

    private static String fieldOr(String field, String fallback) {
        return field == null || field.isBlank() ? fallback : field;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
