package com.engagementledger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Content hashes of every read model's collections, to compare a read model that caught up after a crash with one
 * replayed from the first event. Only the collections the {@link ReadModel} beans declare are hashed: tracking
 * tokens, dead letters and the rebuild bookkeeping are not read models, and differ between two runs by nature.
 * Documents are hashed in {@code _id} order with their keys sorted, so that neither the order of inserts nor the
 * order in which an upsert set the fields counts.
 */
public final class ReadModelHashes {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private ReadModelHashes() {
    }

    /** SHA-256 of each declared read-model collection's content, by collection name. */
    public static Map<String, String> of(ApplicationContext context) {
        return of(context, context.getBean(MongoTemplate.class));
    }

    /**
     * The same for the read-model store {@code mongo}, which may belong to another instance of the application (one
     * in a JVM of its own), with the read models {@code declarations} declares.
     */
    public static Map<String, String> of(ApplicationContext declarations, MongoTemplate mongo) {
        Map<String, String> hashes = new TreeMap<>();
        for (ReadModel readModel : declarations.getBeansOfType(ReadModel.class).values()) {
            for (ReadModelCollection collection : readModel.collections()) {
                String name = mongo.getCollectionName(collection.documentType());
                hashes.put(name, hash(mongo.getCollection(name).find().into(new ArrayList<>())));
            }
        }
        return hashes;
    }

    /** How many documents each declared read-model collection holds, by collection name. */
    public static Map<String, Long> counts(ApplicationContext context) {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        Map<String, Long> counts = new TreeMap<>();
        for (ReadModel readModel : context.getBeansOfType(ReadModel.class).values()) {
            for (ReadModelCollection collection : readModel.collections()) {
                String name = mongo.getCollectionName(collection.documentType());
                counts.put(name, mongo.getCollection(name).countDocuments());
            }
        }
        return counts;
    }

    /** The names of the read models (their processing groups). */
    public static List<String> readModels(ApplicationContext context) {
        return context.getBeansOfType(ReadModel.class).values().stream().map(ReadModel::name).sorted().toList();
    }

    /**
     * Waits until every read model runs, replays nothing and has handled the newest stored event, as the operations
     * API reports it.
     */
    public static void awaitCaughtUp(Api api) {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
            Api.Response list = api.as("admin").get("/api/admin/projections");
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            for (JsonNode view : list.json().get("items")) {
                if (!"READ_MODEL".equals(view.path("kind").asText())) {
                    continue;
                }
                assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("RUNNING");
                assertThat(view.path("replay").isNull()).as(view.toString()).isTrue();
                // a processor that holds no segment (not claimed yet, or released after an error) has no position
                // and no lag: it has not caught up, unless the event store is empty
                assertThat(!view.hasNonNull("headPosition")
                        || view.hasNonNull("position") && view.path("lag").asLong() == 0)
                        .as(view.toString()).isTrue();
            }
        });
    }

    /**
     * Replays every read model from the first event through {@code POST /api/admin/projections/{name}/replay} and
     * waits until all have switched to their rebuilt collections.
     */
    public static void replayAll(ApplicationContext context, Api api) {
        for (String name : readModels(context)) {
            // a replay already under way (one a restart resumed) is waited for, then this one is started
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                Api.Response started = api.as("admin").post("/api/admin/projections/" + name + "/replay",
                        (String) null);
                assertThat(started.status()).as("replay of " + name + ": " + started).isEqualTo(202);
            });
        }
        awaitCaughtUp(api);
    }

    private static String hash(List<Document> documents) {
        documents.sort((a, b) -> String.valueOf(a.get("_id")).compareTo(String.valueOf(b.get("_id"))));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Document document : documents) {
                digest.update(canonical(document).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return documents.size() + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value with every document's keys sorted, recursively; BSON types keep their own string forms. */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, inner) -> sorted.put(String.valueOf(key), canonical(inner)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadModelHashes::canonical).toList();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + "(" + value + ")";
    }
}
