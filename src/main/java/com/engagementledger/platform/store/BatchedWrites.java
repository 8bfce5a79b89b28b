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
 */
@Component
public class BatchedWrites {

    private static final String RESOURCE = BatchedWrites.class.getName();
    private static final String ENABLED = BatchedWrites.class.getName() + ".enabled";
    private static final String GROUP = BatchedWrites.class.getName() + ".processingGroup";
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
        Map<Key, Document> pending = pending(false);
        if (pending != null) {
            Document doc = pending.get(new Key(type, id));
            if (doc == DELETED) {
                return null;
            }
            if (doc != null) {
                return mongo.getConverter().read(type, doc);
            }
        }
        return mongo.findById(id, type, collection(type));
    }

    public void save(Object id, Object document) {
        Map<Key, Document> pending = pending(true);
        if (pending == null) {
            mongo.save(document, collection(document.getClass()));
        } else {
            Document converted = new Document();
            mongo.getConverter().write(document, converted);
            pending.put(new Key(document.getClass(), id), converted);
        }
    }

    public void delete(Class<?> type, Object id) {
        Map<Key, Document> pending = pending(true);
        if (pending == null) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), type, collection(type));
        } else {
            pending.put(new Key(type, id), DELETED);
        }
    }

    /** Removes every document of {@code type} at once, for a reset; nothing of the current batch survives it. */
    public void deleteAll(Class<?> type) {
        Map<Key, Document> pending = pending(false);
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
        unitOfWork.resources().put(ENABLED, Boolean.TRUE);
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
        Map<Key, Document> pending = (Map<Key, Document>) unitOfWork.resources().remove(RESOURCE);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        Map<Class<?>, List<Map.Entry<Key, Document>>> byType = new LinkedHashMap<>();
        pending.entrySet().forEach(entry ->
                byType.computeIfAbsent(entry.getKey().type(), t -> new ArrayList<>()).add(entry));
        byType.forEach((type, entries) -> {
            MongoCollection<Document> collection = mongo.getCollection(collection(type));
            collection.bulkWrite(entries.stream()
                    .map(this::writeModel)
                    .toList(), new BulkWriteOptions().ordered(false));
        });
    }

    private WriteModel<Document> writeModel(Map.Entry<Key, Document> change) {
        if (change.getValue() == DELETED) {
            return new DeleteOneModel<>(Filters.eq("_id", mongo.getConverter().convertToMongoType(change.getKey().id())));
        }
        return new ReplaceOneModel<>(Filters.eq("_id", change.getValue().get("_id")), change.getValue(),
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
    private static Map<Key, Document> pending(boolean create) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?>)
                || !CurrentUnitOfWork.get().resources().containsKey(ENABLED)) {
            return null;
        }
        Map<String, Object> resources = CurrentUnitOfWork.get().resources();
        return create ? (Map<Key, Document>) resources.computeIfAbsent(RESOURCE, k -> new LinkedHashMap<>())
                : (Map<Key, Document>) resources.get(RESOURCE);
    }

    private record Key(Class<?> type, Object id) {
    }
}
