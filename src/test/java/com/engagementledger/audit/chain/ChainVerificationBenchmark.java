package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.ChainExportSink;
import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.audit.api.ExportFormat;
import com.engagementledger.audit.api.StoredEvent;
import com.engagementledger.audit.api.VerificationReport;
import com.engagementledger.audit.history.AuditHistory;
import com.engagementledger.audit.history.AuditHistoryBench;
import com.engagementledger.audit.history.EventJson;
import com.engagementledger.audit.offline.OfflineVerifier;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain verification benchmark (issue 9, P5; docs/benchmarks.md): builds a store of N events in a temporary H2
 * file (the application's URL and Flyway migrations; rows as the JDBC storage engine writes them, from a proposal and
 * an activation of a real engagement under fresh ids), links them with the real {@link AuditChainBuilder} (checkpoint
 * every 1,000), then times, after warm-up, verification from the store ({@link ChainVerifier}, what
 * {@code GET /api/audit/verify} runs) and of an NDJSON export ({@link OfflineVerifier}, the {@code verify} command),
 * each against a raw baseline measured in the same run, and one engagement's history among the N events.
 *
 * <p>Run it from the project (test classpath; not part of the test suite):
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *     com.engagementledger.audit.chain.ChainVerificationBenchmark [events [runs [warm-ups]]]
 * </pre>
 * With {@code -Dbench.historyOnly=true} it only builds the store and times the history (for a store of 1,000,000),
 * with {@code -Dbench.skipOffline=true} it leaves out the export and the offline verification, with
 * {@code -Dbench.offlineOnly=true} the verification from the store;
 * {@code -Dbench.dir=...} and {@code -Dbench.keep=true} keep the store for another run, which adds only the events
 * missing. It prints, per measurement, the median and spread of the wall time of {@code runs} runs, events per second,
 * and the CPU time per event of all the JVM's threads (ThreadMXBean; also the process's, which adds GC and JIT), plus
 * the load average while it ran: the machine may be shared, and a wall-clock figure is only as good as the load allows.
 */
public final class ChainVerificationBenchmark {

    private static final int CHECKPOINT_EVERY = 1000;
    private static final String SAMPLE_AGGREGATE = "4c9ad9e9-e778-4789-adf6-2aa854ca1158";
    /** A proposal and an activation as the application stored them (payload, metadata, payload type). */
    private static final String[][] SAMPLE = {
        {"{\"engagementId\":\"4c9ad9e9-e778-4789-adf6-2aa854ca1158\",\"clientId\":\"bulk-0\",\"clientName\":"
                + "\"Client bulk\",\"roleTitle\":\"Engineer\",\"currency\":\"EUR\",\"billingModel\":\"MONTHLY\","
                + "\"seats\":[{\"seatId\":\"abcd2bf1-7b90-471e-95c4-933f65e5932c\",\"professionalId\":\"pro-bulk-0\","
                + "\"professionalName\":\"Pat Doe\",\"rate\":9000.00,\"startDate\":\"2026-12-05\"}],\"terms\":"
                + "{\"timeZone\":\"UTC\",\"billingCycle\":\"MONTHLY\",\"paymentTermsDays\":30,\"noticePeriodDays\":30,"
                + "\"trialDays\":0,\"guaranteeWindowDays\":90,\"freeReplacementsPerSeat\":2,"
                + "\"replacementSlaBusinessDays\":5,\"overlapBusinessDays\":5,\"rateChangeNoticeDays\":30,"
                + "\"ipTrigger\":\"ON_PAYMENT\"},\"proposedOn\":\"2026-12-05\"}",
            "{\"actor\":\"manager\",\"causationId\":\"2f250db8-4ab4-4ce9-a836-fb5e5e0c1167\",\"correlationId\":"
                + "\"2f250db8-4ab4-4ce9-a836-fb5e5e0c1167\",\"requestId\":\"91c07460-4568-4e39-809e-04f440af45e7\","
                + "\"roles\":[\"ACCOUNT_MANAGER\"]}",
            "com.engagementledger.engagement.api.EngagementProposed"},
        {"{\"engagementId\":\"4c9ad9e9-e778-4789-adf6-2aa854ca1158\",\"activationDate\":\"2026-12-05\"}",
            "{\"actor\":\"manager\",\"causationId\":\"f9521747-5081-41fd-a4f1-26b7a3263649\",\"correlationId\":"
                + "\"f9521747-5081-41fd-a4f1-26b7a3263649\",\"requestId\":\"3fb6608d-2efa-41e7-919a-e4f4e682a3cd\","
                + "\"roles\":[\"ACCOUNT_MANAGER\"]}",
            "com.engagementledger.engagement.api.EngagementActivated"}};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ChainVerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean keep = Boolean.getBoolean("bench.keep");
        Path dir = System.getProperty("bench.dir") != null ? Path.of(System.getProperty("bench.dir"))
                : Files.createTempDirectory("ledger-chain-bench");
        System.out.printf(Locale.ROOT, "chain verification benchmark: %,d events, %d runs after %d warm-ups, %d"
                        + " processors, max heap %d MB, %s, load average %s%n", events, runs, warmUps,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.version"), loadAverage());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        config.setUsername("ledger");
        config.setPassword("ledger");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            ChainStore store = new ChainStore(jdbc, new TransactionTemplate(
                    new DataSourceTransactionManager(dataSource)));
            Clock clock = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
            AuditKeyRing keys = new AuditKeyRing(store, clock, null, dir.resolve("audit-keys"), List.of());
            keys.load();

            long stored = count(jdbc);
            if (stored < events) {
                long started = System.nanoTime();
                try (Connection connection = dataSource.getConnection()) {
                    insert(connection, stored, events);
                }
                System.out.printf(Locale.ROOT, "stored %,d events by JDBC batches in %.1f s%n", events - stored,
                        seconds(started));
            }
            AuditChainBuilder builder = new AuditChainBuilder(store, keys, new AuditProperties(CHECKPOINT_EVERY,
                    Duration.ofHours(1), Duration.ofSeconds(60), 500, null, null, List.of()), clock, clock);
            long started = System.nanoTime();
            builder.start();
            while (store.progress().position() < events) {
                Thread.sleep(200);
            }
            builder.stop();
            System.out.printf(Locale.ROOT, "chained up to position %,d (AuditChainBuilder) in %.1f s%n",
                    store.progress().position(), seconds(started));
            long chained = store.progress().events();

            if (Boolean.getBoolean("bench.historyOnly")) {
                history(jdbc, events);
                return;
            }
            ChainVerifier verifier = new ChainVerifier(store, keys, CHECKPOINT_EVERY);
            if (!Boolean.getBoolean("bench.offlineOnly")) {
                online(verifier, dataSource, chained, runs, warmUps);
            }
            if (Boolean.getBoolean("bench.skipOffline")) {
                return;
            }
            Path export = dir.resolve("export.ndjson");
            started = System.nanoTime();
            export(new AuditChain(store, keys, builder, verifier), export);
            System.out.printf(Locale.ROOT, "exported NDJSON (%,d bytes) in %.1f s%n", Files.size(export),
                    seconds(started));
            Map<String, java.security.PublicKey> trusted = Map.of(keys.currentId(), keys.current().getPublic());
            Measurement offline = measure("verify --events export.ndjson (OfflineVerifier)", chained, runs, warmUps,
                    () -> checked(OfflineVerifier.verify(export, trusted, CHECKPOINT_EVERY), chained));
            Measurement rawFile = measure("raw baseline: read the export's lines, SHA-256 over each line's UTF-8,"
                    + " one thread", chained, runs, warmUps, () -> rawFile(export));
            System.out.printf(Locale.ROOT, "  => offline verify / raw baseline (wall) = %.2f%n",
                    offline.medianSeconds() / rawFile.medianSeconds());

            history(jdbc, events);
            System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        } finally {
            if (!keep) {
                deleteTree(dir);
            } else {
                System.out.println("kept " + dir);
            }
        }
    }

    /** Verification from the store next to its raw baseline. */
    private static void online(ChainVerifier verifier, HikariDataSource dataSource, long chained, int runs,
                               int warmUps) throws Exception {
        Measurement online = measure("GET /api/audit/verify (ChainVerifier over the H2 store)", chained, runs,
                warmUps, () -> checked(verifier.verify(), chained));
        Measurement rawStore = measure("raw baseline: one JDBC SELECT of the same rows and columns (payload and"
                + " metadata cast to bytes), SHA-256 over payload and metadata, one thread", chained, runs,
                warmUps, () -> rawStore(dataSource));
        System.out.printf(Locale.ROOT, "  => verify / raw baseline (wall) = %.2f%n",
                online.medianSeconds() / rawStore.medianSeconds());
    }

    /** One engagement's history among all the events (AuditHistory, what GET /api/audit/events runs for it). */
    private static void history(JdbcTemplate jdbc, int events) {
        AuditHistory history = AuditHistoryBench.over(jdbc);
        EventJson json = AuditHistoryBench.json();
        int queries = 200;
        long[] nanos = new long[queries];
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < queries + 50; i++) {
            long position = 1 + (long) ((i * 0.618033988749895 % 1.0) * (events - 2));
            aggregates.add(jdbc.queryForObject("SELECT aggregateIdentifier FROM DomainEventEntry WHERE globalIndex"
                    + " = ?", String.class, position));
        }
        for (int i = 0; i < queries + 50; i++) {
            EventFilter filter = new EventFilter("Engagement", aggregates.get(i), null, null, null, null, null);
            long started = System.nanoTime();
            List<Object> items = new ArrayList<>();
            history.select(filter, 0, 101, 10_000, event -> items.add(json.item(event)));
            long took = System.nanoTime() - started;
            if (items.size() != 2) {
                throw new IllegalStateException("engagement " + aggregates.get(i) + " has " + items.size()
                        + " events");
            }
            if (i >= 50) {
                nanos[i - 50] = took;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "one engagement's history among %,d events (AuditHistory.select + items, %d"
                        + " engagements after 50 warm-up queries): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", events,
                queries, nanos[queries / 2] / 1e6, nanos[queries * 95 / 100] / 1e6, nanos[queries - 1] / 1e6);
        System.out.println("  plan: " + jdbc.queryForList("EXPLAIN SELECT e.globalIndex FROM DomainEventEntry e LEFT"
                + " JOIN audit_chain_link l ON l.position = e.globalIndex WHERE e.aggregateIdentifier = ? AND"
                + " e.globalIndex > ? ORDER BY e.sequenceNumber LIMIT ?", String.class, aggregates.get(0), 0, 101)
                .get(0).replaceAll("\\s+", " "));
    }

    private record Measurement(double medianSeconds) {
    }

    private static Measurement measure(String what, long events, int runs, int warmUps, Callable<Object> run)
            throws Exception {
        for (int i = 0; i < warmUps; i++) {
            run.call();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        double[] processCpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuBefore = allThreadsCpu();
            long processBefore = processCpu();
            long started = System.nanoTime();
            run.call();
            wall[i] = (System.nanoTime() - started) / 1e9;
            cpu[i] = (allThreadsCpu() - cpuBefore) / 1e9;
            processCpu[i] = (processCpu() - processBefore) / 1e9;
        }
        double median = median(wall);
        double[] sorted = wall.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s:%n  wall median %.3f s = %,.0f events/s (runs %.3f–%.3f s: %,.0f–%,.0f"
                        + " events/s); CPU per event: threads %.2f µs, process %.2f µs (medians), i.e. %,.0f"
                        + " events per CPU-second; load average %s%n", what, median, events / median, sorted[0],
                sorted[runs - 1], events / sorted[runs - 1], events / sorted[0], median(cpu) / events * 1e6,
                median(processCpu) / events * 1e6, events / median(cpu), loadAverage());
        return new Measurement(median);
    }

    private static Object checked(VerificationReport report, long events) {
        if (!report.ok() || report.eventsChecked() != events) {
            throw new IllegalStateException("verification did not pass: " + report);
        }
        return report;
    }

    private static Object rawStore(HikariDataSource dataSource) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT globalIndex, eventIdentifier, type,"
                     + " aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payloadRevision,"
                     + " CAST(payload AS BYTEA), CAST(metaData AS BYTEA) FROM DomainEventEntry ORDER BY globalIndex")) {
            select.setFetchSize(2000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getString(2);
                    rs.getString(3);
                    rs.getString(4);
                    rs.getLong(5);
                    rs.getString(6);
                    rs.getString(7);
                    rs.getString(8);
                    sha256.update(rs.getBytes(9));
                    byte[] metadata = rs.getBytes(10);
                    if (metadata != null) {
                        sha256.update(metadata);
                    }
                    rows++;
                }
            }
        }
        return rows + ":" + sha256.digest().length;
    }

    private static Object rawFile(Path export) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                sha256.update(line.getBytes(StandardCharsets.UTF_8));
                lines++;
            }
        }
        return lines + ":" + sha256.digest().length;
    }

    /** The whole chained history as the server's NDJSON export writes it. */
    private static void export(AuditChain chain, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator lines = ExportFormat.MAPPER.getFactory().createGenerator(out)) {
            lines.setRootValueSeparator(new SerializedString("\n"));
            chain.export(new ChainExportSink() {
                @Override
                public void event(StoredEvent event, String hash) {
                    write(() -> ExportFormat.writeEvent(lines, event, hash));
                }

                @Override
                public void empty(long position) {
                    write(() -> ExportFormat.writeEmpty(lines, position));
                }

                @Override
                public void checkpoint(Checkpoint checkpoint) {
                    write(() -> ExportFormat.writeCheckpoint(lines, checkpoint));
                }
            });
            lines.writeRaw('\n');
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies of the sample engagement's two events under new ids, as the JDBC storage engine stores them. */
    private static void insert(Connection h2, long stored, int total) throws Exception {
        h2.setAutoCommit(false);
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        try (PreparedStatement insert = h2.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier,"
                + " metaData, payload, payloadRevision, payloadType, timeStamp, aggregateIdentifier,"
                + " sequenceNumber, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            while (stored < total) {
                String id = UUID.randomUUID().toString();
                for (int sequence = 0; sequence < SAMPLE.length && stored < total; sequence++) {
                    String[] row = SAMPLE[sequence];
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setBytes(2, row[1].replace("2f250db8-4ab4-4ce9-a836-fb5e5e0c1167",
                            UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(3, row[0].replace(SAMPLE_AGGREGATE, id).getBytes(StandardCharsets.UTF_8));
                    insert.setString(4, "1");
                    insert.setString(5, row[2]);
                    insert.setString(6, at.plusMillis(stored * 7).toString());
                    insert.setString(7, id);
                    insert.setLong(8, sequence);
                    insert.setString(9, "Engagement");
                    insert.addBatch();
                    stored++;
                }
                if (stored % 10_000 == 0) {
                    insert.executeBatch();
                    h2.commit();
                }
            }
            insert.executeBatch();
            h2.commit();
        }
        h2.setAutoCommit(true);
    }

    private static long count(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    private static long allThreadsCpu() {
        long total = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu > 0) {
                total += cpu;
            }
        }
        return total;
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
