package com.engagementledger.audit.web;

import com.engagementledger.audit.api.AggregateStateAsOf;
import com.engagementledger.audit.api.AuditAccessPage;
import com.engagementledger.audit.api.AuditEventItem;
import com.engagementledger.audit.api.AuditEventPage;
import com.engagementledger.audit.api.AuditedAggregates;
import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.audit.api.ExportFormat;
import com.engagementledger.audit.chain.AuditChain;
import com.engagementledger.audit.history.AccessLog;
import com.engagementledger.audit.history.AggregateStates;
import com.engagementledger.audit.history.AuditHistory;
import com.engagementledger.audit.history.AuditedEvent;
import com.engagementledger.audit.history.EventJson;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event history for auditors (ADR 0029): filtered and paged by cursor, exported whole as NDJSON or CSV, an
 * aggregate's state as of an instant, and the record of who read any of it. Nothing here changes anything.
 */
@RestController
@RequestMapping("/api/audit")
@Validated
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Tag(name = "Audit history", description = "The full event history with who, when and why; exports that the"
        + " offline verifier checks; any aggregate as of a past instant; the record of who read the evidence.")
public class AuditHistoryController {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    private static final String API_TYPES = "engagement|replacement|timesheet|invoice|invoice-numbers|ip-transfer";
    private static final String TYPE_MESSAGE = "must be one of " + API_TYPES;
    /** Events a page request reads at most, so that a rare match costs a bounded time per page. */
    private static final int SCAN_LIMIT = 20_000;
    private static final String CSV_HEADER = "position,timestamp,aggregateType,aggregateId,sequence,eventType,"
            + "revision,actor,roles,reason,correlationId,causationId,requestId,payload,hash";

    private final AuditHistory history;
    private final AuditChain chain;
    private final AggregateStates states;
    private final AccessLog accessLog;
    private final EventJson json;
    private final ObjectMapper objectMapper;

    public AuditHistoryController(AuditHistory history, AuditChain chain, AggregateStates states,
                                  AccessLog accessLog, EventJson json, ObjectMapper objectMapper) {
        this.history = history;
        this.chain = chain;
        this.states = states;
        this.accessLog = accessLog;
        this.json = json;
        this.objectMapper = objectMapper;
    }

    @GetMapping(value = "/events", produces = {"application/json", NDJSON, CSV})
    @Operation(summary = "List or export the event history",
            description = "Events in position order (the event store's global index) with their payload, audit"
                    + " metadata and audit chain hash, a page at a time: pass nextCursor as cursor for the next"
                    + " page; a page may hold fewer items than limit, only a null nextCursor ends the list. One"
                    + " aggregate's history (aggregateType and aggregateId) is read from the event store's own"
                    + " index; clientId, actor, eventType and aggregateType alone from the audit index, which"
                    + " follows the event store within moments. from is inclusive, to exclusive.\n\n"
                    + "With Accept application/x-ndjson the whole selection (from cursor on) is streamed, one event"
                    + " per line with every member of its canonical form as stored (eventType the stored class"
                    + " name, the full metadata, the stored timestamp) and its chain hash; without any filter or"
                    + " cursor it is the whole chained history from position 1, with positions that hold no event"
                    + " as {position, empty: true} lines and every checkpoint as a {checkpoint: {...}} line, which"
                    + " `java -jar ledger.jar verify --events export.ndjson --public-key key.pem` checks offline."
                    + " With Accept text/csv the selection is streamed as CSV: position, timestamp, aggregateType,"
                    + " aggregateId, sequence, eventType, revision, actor, roles (separated by |), reason,"
                    + " correlationId, causationId, requestId, payload (JSON), hash.")
    public AuditEventPage events(
            @Parameter(description = "engagement, replacement, timesheet, invoice, invoice-numbers or ip-transfer")
            @RequestParam(required = false) @Pattern(regexp = API_TYPES, message = TYPE_MESSAGE) String aggregateType,
            @Parameter(description = "one aggregate's id") @RequestParam(required = false) @Size(max = 255)
            String aggregateId,
            @Parameter(description = "events of this client's engagements and their replacements")
            @RequestParam(required = false) @Size(max = 255) String clientId,
            @Parameter(description = "the actor of the audit metadata") @RequestParam(required = false)
            @Size(max = 255) String actor,
            @Parameter(description = "an event type, e.g. EngagementProposed") @RequestParam(required = false)
            @Size(max = 255) String eventType,
            @Parameter(description = "events at or after this instant (ISO-8601)") @RequestParam(required = false)
            @Size(max = 40) String from,
            @Parameter(description = "events before this instant (ISO-8601)") @RequestParam(required = false)
            @Size(max = 40) String to,
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false)
            @Size(max = 40) String cursor,
            @Parameter(description = "events per page (JSON only; an export streams the whole selection)")
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        EventFilter filter = filter(aggregateType, aggregateId, clientId, actor, eventType, from, to);
        long after = cursor == null ? 0 : decode(cursor);
        if (accept != null && accept.contains(NDJSON)) {
            exportNdjson(filter, after, response);
            return null;
        }
        if (accept != null && accept.contains(CSV)) {
            exportCsv(filter, after, response);
            return null;
        }
        List<AuditEventItem> items = new ArrayList<>();
        long next = history.select(filter, after, limit, SCAN_LIMIT, event -> items.add(json.item(event)));
        return new AuditEventPage(items, next == AuditHistory.END ? null : encode(next));
    }

    /**
     * Streams the selection as NDJSON straight to the response, a batch of events at a time (bounded memory, and no
     * asynchronous request whose timeout a long export would outlast).
     */
    private void exportNdjson(EventFilter filter, long after, HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        try (JsonGenerator lines = ExportFormat.MAPPER.getFactory().createGenerator(out)) {
            lines.setRootValueSeparator(new SerializedString("\n"));
            if (filter.everything() && after == 0) {
                chain.export(ExportFormat.lines(lines));
            } else {
                history.select(filter, after, Long.MAX_VALUE, Long.MAX_VALUE,
                        event -> write(() -> ExportFormat.writeEvent(lines, event.event(), event.hash())));
            }
            lines.writeRaw('\n');
        }
    }

    private void exportCsv(EventFilter filter, long after, HttpServletResponse response) throws IOException {
        response.setContentType(CSV);
        response.setCharacterEncoding("UTF-8");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write(CSV_HEADER);
        out.write("\r\n");
        history.select(filter, after, Long.MAX_VALUE, Long.MAX_VALUE, event -> write(() -> csv(out, json.item(event))));
        out.flush();
    }

    @GetMapping(value = "/{aggregateType}/{id}/state", produces = "application/json")
    @Operation(summary = "An aggregate as of an instant",
            description = "Rebuilds the aggregate itself, with the command side's own event-sourcing handlers,"
                    + " from its events recorded at or before asOf, and shows its fields and the version (sequence"
                    + " number) it had reached. 404 when no such aggregate has any event; when it has, but none by"
                    + " asOf, version and state are null: it did not exist yet.")
    public AggregateStateAsOf state(
            @Parameter(description = "engagement, replacement, timesheet, invoice, invoice-numbers or ip-transfer")
            @PathVariable
            @Pattern(regexp = API_TYPES, message = TYPE_MESSAGE) String aggregateType,
            @Parameter(description = "the aggregate's id") @PathVariable @Size(max = 255) String id,
            @Parameter(description = "the instant (ISO-8601)", required = true) @RequestParam @Size(max = 40)
            String asOf) {
        Instant at = instant("asOf", asOf);
        String stored = AuditedAggregates.storedType(aggregateType).orElseThrow();
        AggregateStates.Rebuilt rebuilt = rebuilt(stored, id, at).orElseThrow(() -> RuleViolation.notFound("id",
                "No " + aggregateType + " with id " + id));
        JsonNode state = rebuilt.aggregate() == null ? null : objectMapper.valueToTree(rebuilt.aggregate());
        return new AggregateStateAsOf(aggregateType, id, at.toString(), rebuilt.version(), state);
    }

    /**
     * The aggregate rebuilt; a 409 naming the damage when one of its events has a stored timestamp that is no instant
     * (a damaged or hand-edited row, which {@code /api/audit/verify} reports at its position), so that it cannot be
     * placed before or after asOf.
     */
    private java.util.Optional<AggregateStates.Rebuilt> rebuilt(String stored, String id, Instant at) {
        try {
            return states.asOf(stored, id, at);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DateTimeParseException) {
                    throw RuleViolation.illegalState("readable-timestamp", "An event of " + id + " has a stored"
                            + " timestamp that is no instant (" + cause.getMessage() + "), so its state as of an"
                            + " instant cannot be told; its events are listed by GET /api/audit/events?aggregateId="
                            + id);
                }
            }
            throw e;
        }
    }

    @GetMapping(value = "/access-log", produces = "application/json")
    @Operation(summary = "Who read the audit evidence",
            description = "Every request to the audit endpoints (history, exports, state, verification,"
                    + " checkpoints, public keys, this log) with who asked, in which roles, the query as sent, when"
                    + " (application clock) and the status answered; oldest first, a page at a time.")
    public AuditAccessPage accessLog(
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false)
            @Size(max = 19) @Pattern(regexp = "[0-9]+", message = "must be a cursor this API gave") String cursor,
            @Parameter(description = "entries per page") @RequestParam(defaultValue = "100") @Min(1) @Max(1000)
            int limit) {
        long after;
        try {
            after = cursor == null ? 0 : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw RuleViolation.malformed("cursor", "cursor", "must be a cursor this API gave");
        }
        return accessLog.after(after, limit);
    }

    private static EventFilter filter(String aggregateType, String aggregateId, String clientId, String actor,
                                      String eventType, String from, String to) {
        Instant fromInstant = from == null ? null : instant("from", from);
        Instant toInstant = to == null ? null : instant("to", to);
        return new EventFilter(AuditedAggregates.storedType(aggregateType).orElse(null), aggregateId, clientId,
                actor, eventType, fromInstant, toInstant);
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw RuleViolation.malformed(field, "instant", "must be an ISO-8601 instant such as"
                    + " 2026-01-31T12:00:00Z");
        }
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("p" + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith("p")) {
                throw new IllegalArgumentException(text);
            }
            long position = Long.parseLong(text.substring(1));
            if (position < 0) {
                throw new IllegalArgumentException(text);
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw RuleViolation.malformed("cursor", "cursor", "must be a cursor this API gave");
        }
    }

    private static void csv(Writer out, AuditEventItem item) throws IOException {
        List<String> cells = List.of(Long.toString(item.position()), item.timestamp(),
                nullToEmpty(item.aggregateType()), item.aggregateId(), Long.toString(item.sequence()),
                item.eventType(), nullToEmpty(item.revision()), nullToEmpty(item.metadata().actor()),
                String.join("|", item.metadata().roles()), nullToEmpty(item.metadata().reason()),
                nullToEmpty(item.metadata().correlationId()), nullToEmpty(item.metadata().causationId()),
                nullToEmpty(item.metadata().requestId()),
                item.payload() == null ? "" : item.payload().toString(), nullToEmpty(item.hash()));
        out.write(cells.stream().map(AuditHistoryController::cell).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    /**
     * An RFC 4180 cell; a leading =, +, -, @, tab or carriage return (OWASP's formula triggers) is prefixed with '
     * so that a spreadsheet does not run it.
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
