package com.engagementledger.platform.store;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Blue/green rebuilds of read models (ADR 0036). While a read model is rebuilt, its projection writes into shadow
 * collections ({@code <collection>__rebuild}), which its reset clears, while queries go on reading the collections
 * as they were; once the rebuild has caught up, each shadow replaces its collection in one rename. Which read models
 * are being rebuilt is kept in MongoDB beside them, so that a restart in the middle carries on into the shadows.
 *
 * <p>Only the projection of the read model itself is redirected: another processor's batch that reads these
 * documents reads the live ones.
 */
@Component
public class ReadModelRebuilds {

    static final String COLLECTION = "ledger_read_model_rebuilds";
    static final String SHADOW_SUFFIX = "__rebuild";

    private final MongoTemplate mongo;
    private final Map<String, ReadModel> readModels;
    /** The shadow collection of every document type under rebuild, and the read model it belongs to. */
    private volatile Map<Class<?>, Redirect> redirects;

    public ReadModelRebuilds(MongoTemplate mongo, List<ReadModel> readModels) {
        this.mongo = mongo;
        this.readModels = readModels.stream().collect(Collectors.toMap(ReadModel::name, Function.identity()));
    }

    private record Redirect(String readModel, String shadow) {
    }

    /** The read models being rebuilt, with when each rebuild was asked for. */
    public Map<String, Instant> underWay() {
        Map<String, Instant> rebuilds = new HashMap<>();
        for (Document rebuild : mongo.getCollection(COLLECTION).find()) {
            rebuilds.put(rebuild.getString("_id"), rebuild.getDate("startedAt").toInstant());
        }
        return rebuilds;
    }

    public boolean rebuilding(String readModel) {
        return redirects().values().stream().anyMatch(redirect -> redirect.readModel().equals(readModel));
    }

    /**
     * Sends the writes of {@code readModel}'s projection to fresh, empty shadow collections with the declared
     * indexes. Call it while the projection's processor is stopped, before its tokens are reset.
     */
    public synchronized void begin(String readModel, Instant startedAt) {
        ReadModel model = declared(readModel);
        for (ReadModelCollection collection : model.collections()) {
            String shadow = shadow(collection.documentType());
            mongo.dropCollection(shadow);
            mongo.createCollection(shadow);
            IndexOperations indexes = mongo.indexOps(shadow);
            collection.indexes().forEach(indexes::ensureIndex);
        }
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", readModel)
                .append("startedAt", java.util.Date.from(startedAt)));
        redirects = null;
    }

    /**
     * Puts the rebuilt collections of {@code readModel} in place of the old ones, each in one rename, and sends its
     * projection's writes there again. Call it while the projection's processor is stopped.
     */
    public synchronized void complete(String readModel) {
        for (ReadModelCollection collection : declared(readModel).collections()) {
            String live = mongo.getCollectionName(collection.documentType());
            mongo.getCollection(shadow(collection.documentType())).renameCollection(
                    new MongoNamespace(mongo.getDb().getName(), live), new RenameCollectionOptions().dropTarget(true));
        }
        forget(readModel);
    }

    /** Drops the shadows of a rebuild that could not begin; the old collections stay as they are. */
    public synchronized void abandon(String readModel) {
        declared(readModel).collections()
                .forEach(collection -> mongo.dropCollection(shadow(collection.documentType())));
        forget(readModel);
    }

    /**
     * The collection that documents of {@code type} are read from and written to by the batch of
     * {@code processingGroup} (null outside a processor's batch, as in a reset): the shadow while the type's read
     * model is rebuilt by that group, else the type's own collection.
     */
    String collection(Class<?> type, String processingGroup) {
        Redirect redirect = redirects().get(type);
        return redirect != null && (processingGroup == null || processingGroup.equals(redirect.readModel()))
                ? redirect.shadow() : mongo.getCollectionName(type);
    }

    private void forget(String readModel) {
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", readModel));
        redirects = null;
    }

    private Map<Class<?>, Redirect> redirects() {
        Map<Class<?>, Redirect> known = redirects;
        if (known == null) {
            Map<Class<?>, Redirect> loaded = new HashMap<>();
            for (String readModel : underWay().keySet()) {
                Optional.ofNullable(readModels.get(readModel)).ifPresent(model -> model.collections().forEach(
                        collection -> loaded.put(collection.documentType(),
                                new Redirect(readModel, shadow(collection.documentType())))));
            }
            known = Map.copyOf(loaded);
            redirects = known;
        }
        return known;
    }

    private ReadModel declared(String readModel) {
        ReadModel model = readModels.get(readModel);
        if (model == null) {
            throw new IllegalArgumentException("No read model is named " + readModel);
        }
        return model;
    }

    private String shadow(Class<?> type) {
        return mongo.getCollectionName(type) + SHADOW_SUFFIX;
    }
}
