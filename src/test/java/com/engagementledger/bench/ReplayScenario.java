package com.engagementledger.bench;

import com.engagementledger.platform.ops.EventProcessors;
import com.engagementledger.platform.ops.ProjectionReplays;
import com.engagementledger.platform.ops.api.ProcessorKind;
import com.engagementledger.support.PreparedStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P2 of DESIGN.md §6: replay every projection from {@code bench.events} events (1,000,000) at no less than the raw
 * rate of reading the events and upserting one document per event on the same stores, with every processor's stored
 * token under 1 KB afterwards.
 *
 * <p>Data: {@link LedgerDataGenerator} generates a base through the command side on the test clock
 * ({@code bench.base-engagements} engagements, by default one per 600 events, 4 to 150, over {@code bench.months}
 * months, 12, or 3 below 20,000 events; four engagements at a time), then copies the base's stored events under fresh identifiers up to
 * {@code bench.events}, with the processors stopped and their tokens moved to the head afterwards.
 *
 * <p>Each round, after {@code bench.warmups} warm-up rounds: the raw baseline, one thread, on the application's own
 * stores (its DataSource and its MongoDB): {@code SELECT} the event rows in global order in batches of 100 (as
 * Axon's JDBC storage engine fetches them for a processor) and upsert one document per event, keyed by its
 * aggregate, into a collection of the read-model database (replaceOne with upsert, one round trip per event). Then
 * every read model is replayed in turn, alone (the other processors idle at the head), as an administrator's
 * {@code POST /api/admin/projections/{name}/replay} does ({@link ProjectionReplays}: blue/green into shadow
 * collections, reset, rebuild, switch-over): its time runs from the request until the replay has switched over.
 * A row per read model (its events/s against the raw rate) and an overall row (the events over the summed time of
 * all the read models' replays, one after another) are judged at ≥ 1.0 × raw. Then the stored tokens of every
 * processor are measured: the relational
 * store's {@code TokenEntry} rows (processes) and MongoDB's {@code axon_tracking_tokens} (read models, ADR 0030); the
 * largest is judged at ≤ 1024 bytes.
 */
public final class ReplayScenario implements Scenario {

    private static final int RAW_BATCH = 100;
    private static final String RAW_COLLECTION = "bench_raw_upserts";

    @Override
    public String id() {
        return "P2";
    }

    @Override
    public List<Result> run(BenchRun run) throws Exception {
        long events = BenchRun.size("events", 1_000_000);
        int engagements = (int) BenchRun.size("base-engagements", Math.max(4, Math.min(150, events / 600)));
        int months = (int) BenchRun.size("months", events < 20_000 ? 3 : 12);
        int rounds = BenchRun.rounds();
        int warmups = BenchRun.warmups();
        Path dataDir = run.newDataDir("p2");
        PreparedStore prepared = run.prepare("p2");
        ConfigurableApplicationContext app = run.start(dataDir, prepared, "--ledger.test-clock=true");
        try {
            long started = System.nanoTime();
            LedgerDataGenerator generator = new LedgerDataGenerator(app, 42, 4);
            long base = generator.generate(engagements, months);
            run.log("P2: generated %,d events from %,d commands (%d engagements, %d months) in %.0f s; refused: %s",
                    base, generator.sent(), engagements, months, seconds(started), generator.refusals());
            if (base > events) {
                run.log("P2: the base alone has more events than bench.events=%,d; measuring over %,d", events, base);
            }
            long stored = generator.copyUpTo(events, line -> run.log("P2: %s", line));
            awaitChained(app, run);

            EventProcessors processors = app.getBean(EventProcessors.class);
            ProjectionReplays replays = app.getBean(ProjectionReplays.class);
            List<String> readModels = processors.all().keySet().stream()
                    .filter(name -> processors.kind(name) == ProcessorKind.READ_MODEL).toList();
            run.log("P2: %,d events stored; read models: %s", stored, readModels);

            List<Double> raw = new ArrayList<>();
            Map<String, List<Double>> replayRates = new LinkedHashMap<>();
            readModels.forEach(name -> replayRates.put(name, new ArrayList<>()));
            List<Double> overall = new ArrayList<>();
            for (int round = -warmups; round < rounds; round++) {
                String label = round < 0 ? "warm-up" : "round " + (round + 1);
                double rawRate = stored / raw(app);
                run.log("P2 %s: raw baseline %,.0f events/s", label, rawRate);
                double total = 0;
                Map<String, Double> rates = new LinkedHashMap<>();
                for (String name : readModels) {
                    double took = replay(processors, replays, name, stored);
                    total += took;
                    rates.put(name, stored / took);
                    run.log("P2 %s: replay of %s %,.0f events/s (%.1f s)", label, name, stored / took, took);
                }
                if (round >= 0) {
                    raw.add(rawRate);
                    rates.forEach((name, rate) -> replayRates.get(name).add(rate));
                    overall.add(stored / total);
                }
            }

            List<Result> results = new ArrayList<>();
            String how = String.format("%,d events (%,d generated through commands, the rest copied under fresh ids),"
                    + " %d round(s); raw: JDBC batches of %d + one MongoDB upsert per event, one thread", stored,
                    base, rounds, RAW_BATCH);
            // every read model rebuilt from the events, one after another: the events over the summed time (the raw
            // baseline writes one document per event; the nine read models write up to nine)
            results.add(Result.ratio("P2", run.storeName(), "replay of all " + readModels.size()
                    + " read models, one after another (events / summed time)", "events/s",
                    Samples.of(overall), Samples.of(raw), 1.0, how));
            replayRates.forEach((name, rates) -> results.add(Result.ratio("P2", run.storeName(),
                    "replay of " + name, "events/s", Samples.of(rates), Samples.of(raw), 1.0,
                    "POST /api/admin/projections/" + name + "/replay until switched over")));
            Map<String, Integer> tokens = tokenSizes(app);
            run.log("P2: token sizes (bytes): %s", tokens);
            String largest = tokens.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse("none");
            double max = tokens.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            results.add(Result.absolute("P2", run.storeName(), "stored token size after the replays, every"
                    + " processor and segment", "bytes", Samples.of(tokens.values()), "max", "≤ 1024 bytes",
                    max <= 1024, tokens.size() + " tokens (TokenEntry and axon_tracking_tokens); largest: " + largest));
            return results;
        } finally {
            app.close();
            prepared.close();
        }
    }

    /** Waits until the audit chain has linked every stored event, so that it does not run during the measurement. */
    private static void awaitChained(ConfigurableApplicationContext app, BenchRun run) throws InterruptedException {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        long started = System.nanoTime();
        long deadline = started + 3_600_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long chained = jdbc.queryForObject("SELECT MAX(position) FROM audit_chain_progress", Long.class);
            if (chained != null && chained >= head) {
                run.log("P2: audit chain at the head (%,d) after %.0f s", head, seconds(started));
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the audit chain did not reach the head in an hour");
    }

    /** The raw baseline: seconds to read every event in batches and upsert one document per event. */
    private static double raw(ConfigurableApplicationContext app) throws Exception {
        MongoCollection<Document> collection = app.getBean(MongoTemplate.class).getCollection(RAW_COLLECTION);
        collection.drop();
        DataSource dataSource = app.getBean(DataSource.class);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        long started = System.nanoTime();
        long after = -1;
        long rows = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT globalIndex, type, aggregateIdentifier,"
                     + " sequenceNumber, eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData"
                     + " FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex LIMIT " + RAW_BATCH)) {
            while (true) {
                select.setLong(1, after);
                int batch = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        String aggregate = rs.getString(3);
                        byte[] metaData = rs.getBytes(10);
                        Document document = new Document("_id", aggregate)
                                .append("type", rs.getString(2))
                                .append("sequenceNumber", rs.getLong(4))
                                .append("eventIdentifier", rs.getString(5))
                                .append("timeStamp", rs.getString(6))
                                .append("payloadType", rs.getString(7))
                                .append("payloadRevision", rs.getString(8))
                                .append("payload", new String(rs.getBytes(9), StandardCharsets.UTF_8))
                                .append("metaData", metaData == null ? null
                                        : new String(metaData, StandardCharsets.UTF_8))
                                .append("globalIndex", after);
                        collection.replaceOne(Filters.eq("_id", aggregate), document, upsert);
                        batch++;
                        rows++;
                    }
                }
                if (batch < RAW_BATCH) {
                    break;
                }
            }
        }
        double took = seconds(started);
        collection.drop();
        if (rows == 0) {
            throw new IllegalStateException("the raw baseline read no events");
        }
        return took;
    }

    /** Seconds from the replay request of {@code name} until its rebuild has switched over. */
    private static double replay(EventProcessors processors, ProjectionReplays replays, String name, long events)
            throws InterruptedException {
        EventProcessor processor = processors.named(name);
        long started = System.nanoTime();
        long deadline = started + Math.max(120, events / 200) * 1_000_000_000L;
        replays.start(name);
        while (System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (EventProcessors.statuses(processor).stream().anyMatch(EventTrackerStatus::isErrorState)) {
                throw new IllegalStateException("the replay of " + name + " failed: "
                        + processors.view(name, processor, null, null).error());
            }
            if (replays.progress(name, processor) == null && processor.isRunning()
                    && !EventProcessors.replaying(processor)) {
                return seconds(started);
            }
        }
        throw new IllegalStateException("the replay of " + name + " did not finish in time");
    }

    /** Every stored token's size in bytes, by processor and segment. */
    private static Map<String, Integer> tokenSizes(ConfigurableApplicationContext app) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        app.getBean(JdbcTemplate.class).query("SELECT processorName, segment, token FROM TokenEntry", rs -> {
            byte[] token = rs.getBytes(3);
            sizes.put(rs.getString(1) + "/" + rs.getInt(2), token == null ? 0 : token.length);
        });
        for (Document token : app.getBean(MongoTemplate.class).getCollection("axon_tracking_tokens").find()) {
            Object value = token.get("token");
            int size = value instanceof Binary binary ? binary.length()
                    : value instanceof byte[] bytes ? bytes.length
                    : value == null ? 0 : value.toString().getBytes(StandardCharsets.UTF_8).length;
            sizes.put(token.get("processorName") + "/" + token.get("segment"), size);
        }
        return sizes;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
