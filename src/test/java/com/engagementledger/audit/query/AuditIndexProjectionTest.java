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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit index on an in-memory MongoDB: a client's posting list holds every event of its engagements, their
 * replacements, timesheets and invoices (also the invoice events that name only the invoice, and the invoice number's
 * assignment), and a filter value is only a value, whatever its characters; an event that arrives after higher
 * positions (committed into a gap of the global index) is posted in its place.
 */
class AuditIndexProjectionTest {

    private MongoServer server;
    private MongoClient client;
    private AuditIndexProjection projection;
    private AuditIndex index;
    private long position;
    /** The global index of each event handed over by {@link #handleAt}, by event identifier, as the store has it. */
    private final Map<String, Long> stored = new HashMap<>();
    /** The highest index a token handed over by {@link #handleAt} has had. */
    private long highest;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        java.net.InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "audit-index-test");
        projection = new AuditIndexProjection(new BatchedWrites(mongo),
                id -> stored.containsKey(id) ? OptionalLong.of(stored.get(id)) : OptionalLong.empty());
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

    @Test
    void anEventCommittedIntoAGapOfTheGlobalIndexIsPostedInItsPlaceAndARedeliveryChangesNothing() {
        for (long at : new long[] {3, 4, 6, 7}) {
            handleAt(at, "e-" + at);
        }
        // another transaction took 5 (and 2) first and committed after 7 had been handled; 5 then comes again
        handleAt(5, "e-5");
        handleAt(2, "e-2");
        handleAt(5, "e-5");
        handleAt(8, "e-8");

        String type = AuditIndex.typeKey("EngagementProposed");
        assertThat(index.positionsAfter(type, 0, 100)).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(index.positionsAfter(type, 4, 100)).containsExactly(5L, 6L, 7L, 8L);
        assertThat(index.positionsAfter(AuditIndex.clientKey("client-e-5"), 0, 100)).containsExactly(5L);
    }

    @Test
    void anEventFromAGapBelowAFullBucketJoinsThatBucketAndTheNextPositionsStartANewOne() {
        for (long at = 1; at <= 2 * AuditIndexProjection.BUCKET; at += 2) {
            handleAt(at, "e-" + at);
        }
        handleAt(AuditIndexProjection.BUCKET, "late");
        for (long at = 2L * AuditIndexProjection.BUCKET + 1; at <= 2L * AuditIndexProjection.BUCKET + 3; at++) {
            handleAt(at, "e-" + at);
        }

        List<Long> all = index.positionsAfter(AuditIndex.typeKey("EngagementProposed"), 0, 10_000);
        assertThat(all).hasSize(AuditIndexProjection.BUCKET + 4).isSorted().doesNotHaveDuplicates()
                .contains((long) AuditIndexProjection.BUCKET, 2L * AuditIndexProjection.BUCKET + 3);
        assertThat(index.positionsAfter(AuditIndex.typeKey("EngagementProposed"), AuditIndexProjection.BUCKET - 1,
                3)).containsExactly((long) AuditIndexProjection.BUCKET, AuditIndexProjection.BUCKET + 1L,
                AuditIndexProjection.BUCKET + 3L);
    }

    /**
     * An engagement's proposal at {@code at} of the JDBC store's global index, with the token its processor would
     * hand over: the highest index seen, which is not the event's when it filled a gap.
     */
    private void handleAt(long at, String engagement) {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("Engagement", engagement, 0,
                record(EngagementProposed.class, Map.of("engagementId", engagement, "clientId", "client-" + engagement)));
        stored.put(message.getIdentifier(), at);
        highest = Math.max(highest, at);
        projection.on(message, GapAwareTrackingToken.newInstance(highest, Set.of()));
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
