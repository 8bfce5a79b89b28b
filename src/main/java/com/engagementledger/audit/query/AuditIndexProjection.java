package com.engagementledger.audit.query;

import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.replacement.api.ReplacementRequested;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * The audit index (ADR 0029): for every event, its position in the posting lists of its actor, its client, its
 * event type and its aggregate type. It sees every event in the global order ({@link ReadModel#ordered}), so each
 * posting list grows in ascending order and a replacement's client is known from its engagement, proposed before it.
 * It reads the message, not the payload's fields (but for the two events that name a client), so no event schema
 * concerns it.
 */
@Component
@ProcessingGroup(AuditIndexProjection.PROCESSING_GROUP)
public class AuditIndexProjection {

    public static final String PROCESSING_GROUP = "audit-index";
    /** Positions per bucket document: about 10 KB of BSON. */
    static final int BUCKET = 1000;

    public static final ReadModel READ_MODEL = ReadModel.ordered(PROCESSING_GROUP,
            ReadModelCollection.of(AuditPostingDocument.class), ReadModelCollection.of(AuditClientDocument.class));

    private final BatchedWrites writes;

    public AuditIndexProjection(BatchedWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        long position = token.position().orElseThrow();
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

    private String clientOf(DomainEventMessage<?> message) {
        String aggregateId = message.getAggregateIdentifier();
        Object payload = message.getPayload();
        if (payload instanceof EngagementProposed proposed) {
            writes.save(aggregateId, AuditClientDocument.of(aggregateId, proposed.clientId()));
            return proposed.clientId();
        }
        if (payload instanceof ReplacementRequested requested) {
            AuditClientDocument engagement = writes.find(AuditClientDocument.class, requested.engagementId());
            if (engagement != null) {
                writes.save(aggregateId, AuditClientDocument.of(aggregateId, engagement.clientId));
                return engagement.clientId;
            }
            return null;
        }
        AuditClientDocument known = writes.find(AuditClientDocument.class, aggregateId);
        return known == null ? null : known.clientId;
    }

    private void post(String key, long position) {
        AuditPostingDocument head = writes.find(AuditPostingDocument.class, key);
        if (head == null) {
            head = AuditPostingDocument.head(key);
        } else if (head.last >= position) {
            return;
        }
        long bucketIndex = head.count / BUCKET;
        String bucketId = AuditIndex.bucketId(key, bucketIndex);
        AuditPostingDocument bucket;
        if (head.count % BUCKET == 0) {
            head.starts.add(position);
            bucket = AuditPostingDocument.bucket(bucketId);
        } else {
            bucket = writes.find(AuditPostingDocument.class, bucketId);
        }
        bucket.positions.add(position);
        head.count++;
        head.last = position;
        writes.save(bucketId, bucket);
        writes.save(key, head);
    }

    @ResetHandler
    public void reset() {
        writes.deleteAll(AuditPostingDocument.class);
        writes.deleteAll(AuditClientDocument.class);
    }
}
