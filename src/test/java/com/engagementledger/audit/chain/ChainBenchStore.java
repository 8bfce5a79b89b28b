package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.audit.api.ExportFormat;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A relational store of N events for the audit benchmark (P5, {@code com.engagementledger.bench.AuditScenario}):
 * the application's migrations on H2 or PostgreSQL, rows as the JDBC storage engine writes them (copies of a real
 * engagement's proposal and activation under fresh ids, inserted by JDBC batches), linked by the real
 * {@link AuditChainBuilder} (a checkpoint every 1,000), and what the benchmark times on it: {@link ChainVerifier}
 * (what {@code GET /api/audit/verify} runs) next to its raw baseline, the NDJSON export and {@link OfflineVerifier}
 * (the {@code verify} command) next to theirs, and one engagement's history ({@link AuditHistory#select}, what
 * {@code GET /api/audit/events?aggregateId=} runs). Public because the chain's classes are package-private.
 */
public final class ChainBenchStore implements AutoCloseable {

    public static final int CHECKPOINT_EVERY = 1000;
    private static final int INSERT_BATCH = 5_000;
    private static final String SAMPLE_AGGREGATE = "4c9ad9e9-e778-4789-adf6-2aa854ca1158";
    private static final String SAMPLE_CAUSATION = "2f250db8-4ab4-4ce9-a836-fb5e5e0c1167";
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
    /** The engagement's events per copy: a history query answers this many. */
    public static final int EVENTS_PER_ENGAGEMENT = SAMPLE.length;

    private final String url;
    private final String user;
    private final String password;
    private final Path dir;
    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ChainStore store;
    private final AuditKeyRing keys;
    private final AuditChainBuilder builder;
    private final ChainVerifier verifier;
    private final AuditHistory history;
    private final EventJson json;

    private ChainBenchStore(String url, String user, String password, String vendor, Path dir) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dir = dir;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.store = new ChainStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
        this.keys = new AuditKeyRing(store, clock, null, dir.resolve("audit-keys"), List.of());
        keys.load();
        this.builder = new AuditChainBuilder(store, keys, new AuditProperties(CHECKPOINT_EVERY, Duration.ofHours(1),
                Duration.ofSeconds(60), 500, null, null, List.of()), clock, clock);
        this.verifier = new ChainVerifier(store, keys, CHECKPOINT_EVERY);
        this.history = AuditHistoryBench.over(jdbc);
        this.json = AuditHistoryBench.json();
    }

    /** The application's H2 file store in {@code dir}: its URL ({@code application.yml}) and H2 migrations. */
    public static ChainBenchStore h2(Path dir) {
        return new ChainBenchStore("jdbc:h2:file:" + dir.toAbsolutePath().resolve("eventstore")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "ledger", "ledger", "h2", dir);
    }

    /** A (fresh) PostgreSQL database with the {@code postgres} profile's migrations; keys kept in {@code dir}. */
    public static ChainBenchStore postgresql(String url, String user, String password, Path dir) {
        return new ChainBenchStore(url, user, password == null ? "" : password, "postgresql", dir);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Adds copies of the sample engagement's two events under new ids until the store holds {@code total} events,
     * by JDBC batches of {@value #INSERT_BATCH} in transactions of that size, on a connection of its own (on
     * PostgreSQL with the driver's {@code reWriteBatchedInserts}, which only changes how a batch travels). Answers
     * how many it added.
     */
    public long fill(long total) throws SQLException {
        long stored = count();
        long added = 0;
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        try (Connection connection = DriverManager.getConnection(url, properties);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier,"
                     + " metaData, payload, payloadRevision, payloadType, timeStamp, aggregateIdentifier,"
                     + " sequenceNumber, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            int pending = 0;
            while (stored < total) {
                String id = UUID.randomUUID().toString();
                for (int sequence = 0; sequence < SAMPLE.length && stored < total; sequence++) {
                    String[] row = SAMPLE[sequence];
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setBytes(2, row[1].replace(SAMPLE_CAUSATION, UUID.randomUUID().toString())
                            .getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(3, row[0].replace(SAMPLE_AGGREGATE, id).getBytes(StandardCharsets.UTF_8));
                    insert.setString(4, "1");
                    insert.setString(5, row[2]);
                    insert.setString(6, at.plusMillis(stored * 7).toString());
                    insert.setString(7, id);
                    insert.setLong(8, sequence);
                    insert.setString(9, "Engagement");
                    insert.addBatch();
                    stored++;
                    added++;
                    if (++pending == INSERT_BATCH) {
                        insert.executeBatch();
                        connection.commit();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return added;
    }

    /** Runs the real chain builder until every stored event is linked; answers the events linked in all. */
    public long chain() throws InterruptedException {
        Long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        long head = last == null ? 0 : last;
        builder.start();
        try {
            while (store.progress().position() < head) {
                Thread.sleep(50);
            }
        } finally {
            builder.stop();
        }
        return store.progress().events();
    }

    /** {@link ChainVerifier#verify()}; fails unless it passed over {@code events} events. */
    public VerificationReport verify(long events) {
        return checked(verifier.verify(), events);
    }

    /**
     * The raw baseline of verification: one JDBC SELECT of the same rows and columns (payload and metadata cast to
     * bytes, as the verifier reads them) in position order, SHA-256 over payload and metadata, one thread. Answers
     * the rows read.
     */
    public long rawRead() throws SQLException {
        MessageDigest sha256 = sha256();
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL's driver streams by the fetch size only inside a transaction; H2 ignores it
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(ChainStore.EVENT_COLUMNS
                    + " ORDER BY globalIndex")) {
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
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
        sha256.digest();
        return rows;
    }

    /** The whole chained history as the server's NDJSON export writes it ({@code GET /api/audit/export}). */
    public void export(Path file) throws IOException {
        AuditChain chain = new AuditChain(store, keys, builder, verifier);
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator lines = ExportFormat.MAPPER.getFactory().createGenerator(out)) {
            lines.setRootValueSeparator(new SerializedString("\n"));
            chain.export(ExportFormat.lines(lines));
            lines.writeRaw('\n');
        }
    }

    /** {@link OfflineVerifier} over an export with the current public key; fails unless it passed. */
    public VerificationReport verifyExport(Path export, long events) throws IOException {
        Map<String, PublicKey> trusted = Map.of(keys.currentId(), keys.current().getPublic());
        return checked(OfflineVerifier.verify(export, trusted, CHECKPOINT_EVERY), events);
    }

    /** The raw baseline of the offline verification: the export's lines read, SHA-256 over each's UTF-8. */
    public static long rawReadFile(Path export) throws IOException {
        MessageDigest sha256 = sha256();
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                sha256.update(line.getBytes(StandardCharsets.UTF_8));
                lines++;
            }
        }
        sha256.digest();
        return lines;
    }

    /**
     * The engagements of {@code count} events spread evenly over the store (golden-ratio steps over the positions,
     * the last engagement left out: with an odd size it has one event).
     */
    public List<String> engagementsSpread(int count) {
        long last = count() - 2;
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long position = 1 + (long) ((i * 0.618033988749895 % 1.0) * last);
            aggregates.add(jdbc.queryForObject("SELECT aggregateIdentifier FROM DomainEventEntry WHERE globalIndex"
                    + " = ?", String.class, position));
        }
        return aggregates;
    }

    /**
     * One engagement's history as {@code GET /api/audit/events?aggregateType=Engagement&aggregateId=} selects it,
     * each item built as the endpoint builds it ({@link EventJson#item}); fails unless it has both its events.
     */
    public int history(String engagementId) {
        EventFilter filter = new EventFilter("Engagement", engagementId, null, null, null, null, null);
        List<Object> items = new ArrayList<>();
        history.select(filter, 0, 101, 10_000, event -> items.add(json.item(event)));
        if (items.size() != EVENTS_PER_ENGAGEMENT) {
            throw new IllegalStateException("engagement " + engagementId + " has " + items.size() + " events");
        }
        return items.size();
    }

    /** The store's plan for the history's query (EventRows.ofAggregate), on one line. */
    public String historyPlan(String engagementId) {
        return String.join(" / ", jdbc.queryForList("EXPLAIN SELECT e.globalIndex, l.hash FROM DomainEventEntry e"
                        + " LEFT JOIN audit_chain_link l ON l.position = e.globalIndex"
                        + " WHERE e.aggregateIdentifier = ? AND e.globalIndex > ? ORDER BY e.sequenceNumber LIMIT ?",
                        String.class, engagementId, 0, 101))
                .replaceAll("\\s+", " ");
    }

    /** The store's size on disk: the H2 file, or the PostgreSQL database. */
    public long bytesOnDisk() throws IOException {
        if (url.startsWith("jdbc:postgresql:")) {
            Long size = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
            return size == null ? 0 : size;
        }
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("eventstore"))
                    .mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** Runs PostgreSQL's ANALYZE (statistics, as autovacuum keeps them); nothing on H2. */
    public void analyze() {
        if (url.startsWith("jdbc:postgresql:")) {
            jdbc.execute("ANALYZE");
        }
    }

    @Override
    public void close() {
        builder.stop();
        dataSource.close();
    }

    private static VerificationReport checked(VerificationReport report, long events) {
        if (!report.ok() || report.eventsChecked() != events) {
            throw new IllegalStateException("verification did not pass over " + events + " events: " + report);
        }
        return report;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
}
