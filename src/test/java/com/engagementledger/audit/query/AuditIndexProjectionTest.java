package com.engagementledger.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.invoicing.api.InvoiceDisputed;
import com.engagementledger.invoicing.api.InvoiceDraftOpened;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceNumberAssigned;
import com.engagementledger.invoicing.api.InvoicedPeriodClosed;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.timesheet.api.TimesheetApproved;
import com.engagementledger.timesheet.api.TimesheetSubmitted;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit index on an in-memory MongoDB: a client's posting list holds every event of its engagements, their
 * replacements, timesheets and invoices (also the invoice events that name only the invoice, and the invoice number's
 * assignment), and a filter value is only a value, whatever its characters.
 */
class AuditIndexProjectionTest {

    private MongoServer server;
    private MongoClient client;
    private AuditIndexProjection projection;
    private AuditIndex index;
    private long position;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        java.net.InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "audit-index-test");
        projection = new AuditIndexProjection(new BatchedWrites(mongo));
        index = new AuditIndex(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aClientsPostingListHoldsItsEngagementsTimesheetsAndInvoices() {
        long proposed = handle("Engagement", "e-1", record(EngagementProposed.class,
                Map.of("engagementId", "e-1", "clientId", "stark")));
        handle("Engagement", "e-other", record(EngagementProposed.class,
                Map.of("engagementId", "e-other", "clientId", "wayne")));
        long replacement = handle("Replacement", "r-1", record(ReplacementRequested.class,
                Map.of("replacementId", "r-1", "engagementId", "e-1")));
        long submitted = handle("Timesheet", "t-1", record(TimesheetSubmitted.class,
                Map.of("timesheetId", "t-1", "engagementId", "e-1")));
        long approved = handle("Timesheet", "t-1", record(TimesheetApproved.class,
                Map.of("timesheetId", "t-1", "engagementId", "e-1")));
        long opened = handle("Engagement", "e-1", record(InvoiceDraftOpened.class,
                Map.of("engagementId", "e-1", "invoiceId", "i-1")));
        long drafted = handle("Invoice", "i-1", record(InvoiceDrafted.class,
                Map.of("invoiceId", "i-1", "engagementId", "e-1", "clientId", "stark")));
        handle("Invoice", "i-other", record(InvoiceDrafted.class,
                Map.of("invoiceId", "i-other", "engagementId", "e-other", "clientId", "wayne")));
        long numbered = handle("InvoiceNumbers", "numbering-2026", record(InvoiceNumberAssigned.class,
                Map.of("numberingId", "numbering-2026", "invoiceId", "i-1")));
        handle("InvoiceNumbers", "numbering-2026", record(InvoiceNumberAssigned.class,
                Map.of("numberingId", "numbering-2026", "invoiceId", "i-other")));
        long disputed = handle("Invoice", "i-1", record(InvoiceDisputed.class, Map.of("invoiceId", "i-1")));
        long closed = handle("Engagement", "e-1", record(InvoicedPeriodClosed.class,
                Map.of("engagementId", "e-1", "invoiceId", "i-1")));

        assertThat(index.positionsAfter(AuditIndex.clientKey("stark"), 0, 100)).containsExactly(proposed,
                replacement, submitted, approved, opened, drafted, numbered, disputed, closed);
        assertThat(index.positionsAfter(AuditIndex.clientKey("wayne"), 0, 100)).hasSize(3);
        assertThat(index.clientOf("t-1")).isEqualTo("stark");
        assertThat(index.clientOf("i-1")).isEqualTo("stark");
        assertThat(index.clientOf("numbering-2026")).isNull();
    }

    @Test
    void aFilterValueThatLooksLikeABucketIdIsJustAValueWithoutPositions() {
        long proposed = handle("Engagement", "e-1", record(EngagementProposed.class,
                Map.of("engagementId", "e-1", "clientId", "stark")));

        assertThat(index.positionsAfter(AuditIndex.clientKey("stark"), 0, 100)).containsExactly(proposed);
        assertThat(index.positionsAfter(AuditIndex.clientKey("stark#0"), 0, 100)).isEmpty();
        assertThat(index.positionsAfter(AuditIndex.typeKey("EngagementProposed#0"), 0, 100)).isEmpty();
        assertThat(index.positionsAfter(AuditIndex.aggregateKey("Engagement#0"), 0, 100)).isEmpty();

        long odd = handle("Engagement", "e-2", record(EngagementProposed.class,
                Map.of("engagementId", "e-2", "clientId", "odd#0%23")));
        assertThat(index.positionsAfter(AuditIndex.clientKey("odd#0%23"), 0, 100)).containsExactly(odd);
        assertThat(index.positionsAfter(AuditIndex.clientKey("odd"), 0, 100)).isEmpty();
        assertThat(index.positionsAfter(AuditIndex.clientKey("odd#0#23"), 0, 100)).isEmpty();
    }

    /** Hands the projection the next event, as the ordered processor would; answers its position. */
    private long handle(String type, String aggregateId, Object payload) {
        position++;
        projection.on(new GenericDomainEventMessage<>(type, aggregateId, 0, payload),
                new GlobalSequenceTrackingToken(position));
        return position;
    }

    /** A record with the named components set and every other one null, zero or false. */
    private static <R> R record(Class<R> type, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object value = values.get(components[i].getName());
            if (value == null && types[i] == boolean.class) {
                value = Boolean.FALSE;
            } else if (value == null && types[i] == int.class) {
                value = Integer.valueOf(0);
            } else if (value == null && types[i] == long.class) {
                value = Long.valueOf(0);
            }
            arguments[i] = value;
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
