package com.engagementledger.iptransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.iptransfer.api.IpTransferIds;
import com.engagementledger.iptransfer.command.IpTransferPolicy;
import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The transfer policy against the real event store (ADR 0035): an invoice issued, paid 40 % and 60 %, charged back,
 * disputed and resolved, with another engagement's draft voided in between, gives its transfer exactly the events
 * it should; delivering every invoice event to the policy twice more, and replaying its processor from the start,
 * stores nothing more. Its events carry the system as actor in the causing event's correlation, and the audit API
 * rebuilds the transfer as of an instant.
 */
class IpTransferPolicyReplayTest extends HttpTestSupport {

    private static final Duration LAG = Duration.ofSeconds(20);
    private static final List<String> EXPECTED = List.of("IpTransferOpened", "InvoiceMovementNoted",
            "InvoiceMovementNoted", "IpTransferAssigned", "InvoiceMovementNoted", "IpTransferContested",
            "IpTransferSuspended", "IpTransferReinstated");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private IpTransferPolicy policy;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void redeliveredAndReplayedInvoiceEventsStoreNoTransferEventTwice() {
        YearMonth period = startNextMonth();
        String engagement = activeEngagement("ipt-replay", period.atDay(1), "9000.00");
        String other = activeEngagement("ipt-draft-void", period.atDay(1), "5000.00");
        LocalDate issueDay = period.plusMonths(1).atDay(3);
        moveClockTo(issueDay);
        String invoice = draft(engagement, period);
        assertThat(finance().post("/api/invoices/" + invoice + "/issue", (String) null).status()).isEqualTo(200);
        pay(invoice, "3600.00", issueDay);
        pay(invoice, "5400.00", issueDay);
        String draft = draft(other, period);
        assertThat(finance().post("/api/invoices/" + draft + "/void", Map.of("reason", "not needed")).status())
                .as("a draft voided: an invoice event without a transfer").isEqualTo(200);
        assertThat(finance().post("/api/invoices/" + invoice + "/chargebacks",
                money("900.00", issueDay, "reason", "Card issuer 4837")).status()).isEqualTo(201);
        assertThat(finance().post("/api/invoices/" + invoice + "/dispute", Map.of("reason", "Hours not agreed"))
                .status()).isEqualTo(200);
        assertThat(finance().post("/api/invoices/" + invoice + "/dispute/resolve",
                Map.of("reason", "Timesheets confirmed")).status()).isEqualTo(200);
        String transfer = IpTransferIds.ofInvoice(invoice);
        await().atMost(LAG).until(() -> transferEvents(transfer).size() == EXPECTED.size());
        assertThat(transferEvents(transfer)).containsExactlyElementsOf(EXPECTED);
        assertThat(transferEvents(IpTransferIds.ofInvoice(draft))).as("a draft has no transfer").isEmpty();
        List<JsonNode> transferMeta = metadataOf(transfer);
        List<JsonNode> invoiceMeta = metadataOf(invoice);
        assertThat(transferMeta).allSatisfy(meta -> {
            assertThat(meta.get("actor").asText()).isEqualTo("system");
            assertThat(meta.get("roles").get(0).asText()).isEqualTo("SYSTEM");
        });
        assertThat(transferMeta.get(0).get("correlationId")).as("opened in the issue's correlation")
                .isEqualTo(invoiceMeta.get(1).get("correlationId"));
        assertThat(transferMeta.get(2).get("correlationId")).as("the second payment's")
                .isEqualTo(invoiceMeta.get(3).get("correlationId"));

        List<TrackedEventMessage<?>> invoiceEvents = invoiceEvents(invoice);
        assertThat(invoiceEvents).as("drafted, issued, two payments, chargeback, dispute, resolution").hasSize(7);
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(policy);
        for (TrackedEventMessage<?> event : invoiceEvents) {
            handle(handler, event);
            handle(handler, event);
        }
        assertThat(transferEvents(transfer)).as("every invoice event delivered twice more")
                .containsExactlyElementsOf(EXPECTED);

        TrackingEventProcessor processor = processing.eventProcessor("ip-transfer-policy",
                TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long lastInvoiceEvent = invoiceEvents.get(invoiceEvents.size() - 1).trackingToken().position()
                .orElseThrow();
        await().atMost(LAG).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()
                && status.getCurrentPosition().orElse(-1) >= lastInvoiceEvent));
        assertThat(transferEvents(transfer)).as("after a replay from the start").containsExactlyElementsOf(EXPECTED);

        auditStateAsOf(transfer);
    }

    /** The transfer rebuilt by the audit API as of the first payment's note, and as of now. */
    private void auditStateAsOf(String transfer) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT timeStamp FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", transfer);
        Instant firstPayment = Instant.parse(rows.get(1).get("timeStamp").toString());
        JsonNode partly = api.as("auditor").get("/api/audit/ip-transfer/" + transfer + "/state?asOf="
                + firstPayment).json();
        assertThat(partly.get("aggregateType").asText()).isEqualTo("ip-transfer");
        assertThat(partly.get("state").get("assigned").asBoolean()).isFalse();
        assertThat(partly.get("state").get("movements")).hasSize(1);
        Api.Response now = api.as("auditor").get("/api/audit/ip-transfer/" + transfer + "/state?asOf="
                + Instant.parse(rows.get(rows.size() - 1).get("timeStamp").toString()));
        assertThat(now.status()).as(now.toString()).isEqualTo(200);
        JsonNode state = now.json().get("state");
        assertThat(now.json().get("version").asLong()).isEqualTo(EXPECTED.size() - 1);
        assertThat(state.get("ipTransferId").asText()).isEqualTo(transfer);
        assertThat(state.get("assigned").asBoolean()).isTrue();
        assertThat(state.get("contestOpen").asBoolean()).isTrue();
        assertThat(state.get("sha256").asText()).hasSize(64);
        assertThat(state.get("certificate").get("amountPaid").asText()).isEqualTo("9000.00");
        assertThat(api.as("auditor").get("/api/audit/ip-transfer/no-such-transfer/state?asOf=" + firstPayment)
                .status()).isEqualTo(404);
    }

    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new AssertionError("the policy refused a redelivered " + event.getPayloadType().getSimpleName(), e);
        }
    }

    private List<JsonNode> metadataOf(String aggregateId) {
        return jdbc.query("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                (rs, i) -> {
                    try {
                        return JSON.readTree(rs.getBytes(1));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, aggregateId);
    }

    private List<String> transferEvents(String transfer) {
        return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " ORDER BY sequenceNumber", String.class, transfer).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** The invoice's events as the policy's processor reads them: with their tracking tokens. */
    private List<TrackedEventMessage<?>> invoiceEvents(String invoice) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier().equals(invoice)) {
                    events.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return events;
    }

    private void pay(String invoice, String amount, LocalDate on) {
        Api.Response paid = finance().post("/api/invoices/" + invoice + "/payments", money(amount, on));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }

    private String draft(String engagement, YearMonth period) {
        Api.Response drafted = finance().post("/api/invoices/drafts",
                Map.of("engagementId", engagement, "period", period.toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return drafted.json().get("invoiceId").asText();
    }

    private Api.Call finance() {
        return api.as("finance");
    }

    private static Map<String, Object> money(String amount, LocalDate date, String... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", new BigDecimal(amount));
        body.put("currency", "EUR");
        body.put("date", date.toString());
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }
}
