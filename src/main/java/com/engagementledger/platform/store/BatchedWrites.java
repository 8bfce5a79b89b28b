package com.engagementledger.platform.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Read-model writes coalesced per processing batch: within a batch, a projection reads its documents from here
 * (the batch's own changes first) and saves or deletes them here; the batch's documents are written, one write or
 * delete each (the last change wins), in bulk, when the batch's last event has been handled, which is before Axon
 * stores the batch's token. Outside a batch (a test calling a projection directly) a change is written at once.
 * While a read model is rebuilt, its projection's documents are read and written in its shadow collections
 * ({@link ReadModelRebuilds}).
 *
 * <p>A read model that sees every event in the global order ({@code ReadModel.ordered}) keeps its batch's documents
 * as objects ({@link #enable(UnitOfWork, String, boolean)}): a document is converted from BSON when the batch first
 * reads it and to BSON once, when the batch is written, instead of at every event that changes it; the audit index's
 * posting buckets (up to 1,000 positions each, changed by almost every event) spent a replay converting them (ADR
 * 0030, P2). It may: a failure in such a batch discards the whole batch, which is handled again, so no half-changed
 * object is ever written. A per-aggregate read model gets a fresh object from every {@link #find}, since its
 * dead-lettering lets the batch go on, and be written, after one event's handler failed half-way.
 */
@Component
public class BatchedWrites {

    private static final String RESOURCE = BatchedWrites.class.getName();
    private static final String ENABLED = BatchedWrites.class.getName() + ".enabled";
    private static final String GROUP = BatchedWrites.class.getName() + ".processingGroup";
    private static final String LIVE = BatchedWrites.class.getName() + ".liveObjects";
    /** Stands for a document deleted in this batch; compared by identity. */
    private static final Document DELETED = new Document();

    private final MongoTemplate mongo;
    private final ReadModelRebuilds rebuilds;

    /** Writes that always go to the documents' own collections, for tests that need no rebuilds. */
    public BatchedWrites(MongoTemplate mongo) {
        this(mongo, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public BatchedWrites(MongoTemplate mongo, ReadModelRebuilds rebuilds) {
        this.mongo = mongo;
        this.rebuilds = rebuilds;
    }

    /**
     * A document as this batch left it, or as the store has it; null if neither has it. Always a fresh object, so
     * that a handler that fails half-way through changing it leaves nothing half-changed behind.
     */
    public <D> D find(Class<D> type, Object id) {
        Map<Key, Object> pending = pending(false);
        if (pending != null) {
            Object doc = pending.get(new Key(type, id));
            if (doc == DELETED) {
                return null;
            }
            if (doc instanceof Document bson) {
                return mongo.getConverter().read(type, bson);
            }
            if (doc != null) {
                return type.cast(doc);
            }
        }
        return mongo.findById(id, type, collection(type));
    }

    public void save(Object id, Object document) {
        Map<Key, Object> pending = pending(true);
        if (pending == null) {
            mongo.save(document, collection(document.getClass()));
        } else if (Boolean.TRUE.equals(CurrentUnitOfWork.get().resources().get(LIVE))) {
            pending.put(new Key(document.getClass(), id), document);
        } else {
            pending.put(new Key(document.getClass(), id), bson(document));
        }
    }

    private Document bson(Object document) {
        Document converted = new Document();
        mongo.getConverter().write(document, converted);
        return converted;
    }

    public void delete(Class<?> type, Object id) {
        Map<Key, Object> pending = pending(true);
        if (pending == null) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), type, collection(type));
        } else {
            pending.put(new Key(type, id), DELETED);
        }
    }

    /** Removes every document of {@code type} at once, for a reset; nothing of the current batch survives it. */
    public void deleteAll(Class<?> type) {
        Map<Key, Object> pending = pending(false);
        if (pending != null) {
            pending.keySet().removeIf(key -> key.type().equals(type));
        }
        mongo.remove(new Query(), type, collection(type));
    }

    /**
     * Lets the batch of {@code unitOfWork} coalesce its writes. Only batches whose processor flushes them (through
     * {@link BatchedWritesInterceptor}) may: elsewhere a buffered write would never reach the store.
     */
    void enable(UnitOfWork<?> unitOfWork, String processingGroup) {
        enable(unitOfWork, processingGroup, false);
    }

    /**
     * As {@link #enable(UnitOfWork, String)}; with {@code liveObjects}, the batch keeps its documents as objects, for
     * a processor whose failed batch is discarded whole (no dead-lettering).
     */
    void enable(UnitOfWork<?> unitOfWork, String processingGroup, boolean liveObjects) {
        unitOfWork.resources().put(ENABLED, Boolean.TRUE);
        if (liveObjects) {
            unitOfWork.resources().put(LIVE, Boolean.TRUE);
        }
        if (processingGroup != null) {
            unitOfWork.resources().put(GROUP, processingGroup);
        }
    }

    /** Writes what the batch of {@code unitOfWork} changed, if its current event is the batch's last. */
    void flushIfLast(UnitOfWork<?> unitOfWork) {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || !batch.isLastMessage()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Key, Object> pending = (Map<Key, Object>) unitOfWork.resources().remove(RESOURCE);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        Map<Class<?>, List<Map.Entry<Key, Object>>> byType = new LinkedHashMap<>();
        pending.entrySet().forEach(entry ->
                byType.computeIfAbsent(entry.getKey().type(), t -> new ArrayList<>()).add(entry));
        byType.forEach((type, entries) -> {
            MongoCollection<Document> collection = mongo.getCollection(collection(type));
            collection.bulkWrite(entries.stream()
                    .map(this::writeModel)
                    .toList(), new BulkWriteOptions().ordered(false));
        });
    }

    private WriteModel<Document> writeModel(Map.Entry<Key, Object> change) {
        if (change.getValue() == DELETED) {
            return new DeleteOneModel<>(Filters.eq("_id", mongo.getConverter().convertToMongoType(change.getKey().id())));
        }
        Document document = change.getValue() instanceof Document bson ? bson : bson(change.getValue());
        return new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                new ReplaceOptions().upsert(true));
    }

    /** Where documents of {@code type} live for the batch under way, if any (see {@link ReadModelRebuilds}). */
    private String collection(Class<?> type) {
        if (rebuilds == null) {
            return mongo.getCollectionName(type);
        }
        String group = CurrentUnitOfWork.isStarted()
                ? (String) CurrentUnitOfWork.get().resources().get(GROUP) : null;
        return rebuilds.collection(type, group);
    }

    @SuppressWarnings("unchecked")
    private static Map<Key, Object> pending(boolean create) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?>)
                || !CurrentUnitOfWork.get().resources().containsKey(ENABLED)) {
            return null;
        }
        Map<String, Object> resources = CurrentUnitOfWork.get().resources();
        return create ? (Map<Key, Object>) resources.computeIfAbsent(RESOURCE, k -> new LinkedHashMap<>())
                : (Map<Key, Object>) resources.get(RESOURCE);
    }

    private record Key(Class<?> type, Object id) {
    }
}
