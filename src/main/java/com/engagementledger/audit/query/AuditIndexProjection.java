package com.engagementledger.audit.query;

import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.replacement.api.ReplacementRequested;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * The audit index (ADR 0029): for every event, its position in the posting lists of its actor, its client, its
 * event type and its aggregate type. It sees the events in the global order ({@link ReadModel#ordered}), so a
 * replacement's client is known from its engagement, proposed before it, and a posting list mostly grows at its end;
 * but an event committed into a gap of the global index arrives after the events above it, and is put into its
 * place (ADR 0038).
 * It reads the message, not the payload's fields, but for the client: the events that name one (an engagement's
 * proposal, an invoice's draft) and the engagementId or invoiceId of any other event's payload, as a record component
 * of that name, so that a timesheet's, an invoice's or an invoice number's events are found under their client.
 */
@Component
@ProcessingGroup(AuditIndexProjection.PROCESSING_GROUP)
public class AuditIndexProjection {

    public static final String PROCESSING_GROUP = "audit-index";
    /** Positions per bucket document: about 10 KB of BSON. */
    static final int BUCKET = 1000;
    /** The stored type of the timesheet aggregate, which belongs to one engagement. */
    private static final String TIMESHEET = "Timesheet";

    public static final ReadModel READ_MODEL = ReadModel.ordered(PROCESSING_GROUP,
            ReadModelCollection.of(AuditPostingDocument.class), ReadModelCollection.of(AuditClientDocument.class));

    private final BatchedWrites writes;
    private final StoredEventPositions storedPositions;
    /** The highest index a token handed to this projection has had since it started or was reset; -1 for none. */
    private final AtomicLong highestIndex = new AtomicLong(-1);
    /**
     * The clients of the aggregates seen lately, by aggregate id: what {@link AuditClientDocument}s hold, which never
     * change once written, so that an event of a known aggregate does not cost a read of the read-model store (in a
     * replay, one per event: P2 measured the audit index at 0.6–0.8 × the raw read+upsert rate without it). Bounded;
     * one that fell out is read again. Cleared by a reset.
     */
    private final Map<String, String> knownClients = Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > KNOWN_CLIENTS;
                }
            });
    private static final int KNOWN_CLIENTS = 100_000;

    public AuditIndexProjection(BatchedWrites writes, StoredEventPositions storedPositions) {
        this.writes = writes;
        this.storedPositions = storedPositions;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        long position = positionOf(message, token);
        List<String> keys = new ArrayList<>(4);
        Object actor = message.getMetaData().get(AuditMetadata.ACTOR);
        if (actor != null) {
            keys.add(AuditIndex.actorKey(actor.toString()));
        }
        keys.add(AuditIndex.typeKey(EventFilter.simpleName(message.getPayloadType().getName())));
        if (message instanceof DomainEventMessage<?> domain) {
            if (domain.getType() != null) {
                keys.add(AuditIndex.aggregateKey(domain.getType()));
            }
            String clientId = clientOf(domain);
            if (clientId != null) {
                keys.add(AuditIndex.clientKey(clientId));
            }
        }
        keys.forEach(key -> post(key, position));
    }

    /**
     * The event's own global index. A JDBC store's token ({@link GapAwareTrackingToken}) names the highest index
     * seen: that is the event's as long as the indexes grow; an event committed into a gap leaves the index where it
     * was (the gap is only dropped from the token), and then the store is asked. So is it for the first event after a
     * start, since the index before is not known. Axon Server's tokens have no gaps: their position is the event's.
     */
    private long positionOf(EventMessage<?> message, TrackingToken token) {
        long index = token.position().orElseThrow();
        long highest = highestIndex.getAndAccumulate(index, Math::max);
        if (WrappedToken.unwrap(token, GapAwareTrackingToken.class).isEmpty() || (highest >= 0 && index > highest)) {
            return index;
        }
        return storedPositions.of(message.getIdentifier()).orElse(index);
    }

    /**
     * The client of an event: an engagement's is named when it is proposed, an invoice's when it is drafted; every
     * other event of theirs, and of the aggregates that belong to an engagement (replacements, timesheets), is the
     * client of its aggregate as known, else of the engagement or invoice its payload names (an invoice number's
     * assignment names only its invoice). The index has seen both before, since it follows the global order.
     */
    private String clientOf(DomainEventMessage<?> message) {
        String aggregateId = message.getAggregateIdentifier();
        Object payload = message.getPayload();
        if (payload instanceof EngagementProposed proposed) {
            saveClient(aggregateId, proposed.clientId());
            return proposed.clientId();
        }
        if (payload instanceof InvoiceDrafted drafted) {
            saveClient(drafted.invoiceId(), drafted.clientId());
            return drafted.clientId();
        }
        String known = knownClient(aggregateId);
        if (known != null) {
            return known;
        }
        String engagementId = component(payload, "engagementId");
        if (engagementId != null) {
            String engagementClient = knownClient(engagementId);
            if (engagementClient == null) {
                return null;
            }
            if (payload instanceof ReplacementRequested || TIMESHEET.equals(message.getType())) {
                // the aggregate belongs to the engagement: its later events need not name it
                saveClient(aggregateId, engagementClient);
            }
            return engagementClient;
        }
        String invoiceId = component(payload, "invoiceId");
        if (invoiceId != null) {
            return knownClient(invoiceId);
        }
        return null;
    }

    private void saveClient(String aggregateId, String clientId) {
        writes.save(aggregateId, AuditClientDocument.of(aggregateId, clientId));
        knownClients.put(aggregateId, clientId);
    }

    /** The client of {@code aggregateId} as recorded, or null. */
    private String knownClient(String aggregateId) {
        String clientId = knownClients.get(aggregateId);
        if (clientId != null) {
            return clientId;
        }
        AuditClientDocument known = writes.find(AuditClientDocument.class, aggregateId);
        if (known == null) {
            return null;
        }
        knownClients.put(aggregateId, known.clientId);
        return known.clientId;
    }

    /** The text of the record component {@code name} of {@code payload}; null when it has none. */
    private static String component(Object payload, String name) {
        Method accessor = ACCESSORS.get(payload.getClass()).get(name);
        if (accessor == null) {
            return null;
        }
        try {
            Object value = accessor.invoke(payload);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The accessors of a record's text components that name an engagement or an invoice, by name. */
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent component : components) {
                    if (component.getType() == String.class
                            && ("engagementId".equals(component.getName()) || "invoiceId".equals(component.getName()))) {
                        Method accessor = component.getAccessor();
                        accessor.setAccessible(true);
                        accessors.put(component.getName(), accessor);
                    }
                }
            }
            return Map.copyOf(accessors);
        }
    };

    private void post(String key, long position) {
        AuditPostingDocument head = writes.find(AuditPostingDocument.class, key);
        if (head == null) {
            head = AuditPostingDocument.head(key);
        }
        if (head.starts.isEmpty() || position > head.last) {
            append(key, head, position);
        } else {
            insertLate(key, head, position);
        }
    }

    private void append(String key, AuditPostingDocument head, long position) {
        int bucketIndex = head.starts.size() - 1;
        AuditPostingDocument bucket = bucketIndex < 0 ? null
                : writes.find(AuditPostingDocument.class, AuditIndex.bucketId(key, bucketIndex));
        if (bucket == null || bucket.positions.size() >= BUCKET) {
            bucketIndex++;
            head.starts.add(position);
            bucket = AuditPostingDocument.bucket(AuditIndex.bucketId(key, bucketIndex));
        }
        bucket.positions.add(position);
        head.count++;
        head.last = position;
        writes.save(bucket.id, bucket);
        writes.save(key, head);
    }

    /**
     * An event at or below the last position posted: a redelivery, already posted, or an event committed into a gap
     * of the global index after events above it were handled (another request's, or another node's, transaction
     * took its index first and committed last). The latter goes into its place in its bucket, which may then hold
     * more than {@link #BUCKET} positions.
     */
    private void insertLate(String key, AuditPostingDocument head, long position) {
        int bucketIndex = 0;
        while (bucketIndex + 1 < head.starts.size() && head.starts.get(bucketIndex + 1) <= position) {
            bucketIndex++;
        }
        String bucketId = AuditIndex.bucketId(key, bucketIndex);
        AuditPostingDocument bucket = writes.find(AuditPostingDocument.class, bucketId);
        int at = Collections.binarySearch(bucket.positions, position);
        if (at >= 0) {
            return;
        }
        bucket.positions.add(-at - 1, position);
        if (position < head.starts.get(0)) {
            head.starts.set(0, position);
        }
        head.count++;
        writes.save(bucketId, bucket);
        writes.save(key, head);
    }

    @ResetHandler
    public void reset() {
        highestIndex.set(-1);
        knownClients.clear();
        writes.deleteAll(AuditPostingDocument.class);
        writes.deleteAll(AuditClientDocument.class);
    }
}
