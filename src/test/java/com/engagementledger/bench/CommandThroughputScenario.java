package com.engagementledger.bench;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.SetIpExclusions;
import com.engagementledger.platform.time.Today;
import com.engagementledger.support.PreparedStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P1: commands through the gateway, one event each, with the projections running, against the raw single-row insert
 * + commit of the same serialized event into the same table; and on 100 hot aggregates against new ones.
 *
 * <p>One application on a fresh store. Each round sends {@code bench.commands} (1,000, so that
 * the default run stays within about 5 minutes per store on a shared 2-core machine) commands with
 * {@code CommandGateway.sendAndWait} from one thread: a "new" round proposes that many engagements (one
 * {@code EngagementProposed} each), a "hot" round sets the IP exclusions of 100 engagements proposed beforehand,
 * round-robin, a different list every time (one {@code IpExclusionsSet} each; the engagements' snapshots, every 50
 * events, are part of it). The baseline round inserts as many copies of a stored {@code EngagementProposed} row
 * (its payload and metadata bytes, with a fresh engagement id of the same length, a fresh event id and sequence 0)
 * into {@code DomainEventEntry} through the application's DataSource, one row per transaction, from one thread.
 * During a baseline round the event processors are shut down, so the baseline is the store alone; after every round
 * the processors are (re)started and the round waits, untimed, until they have caught up, so that no round pays for
 * the previous one's projection work. Rounds interleave: warm-ups, then per round baseline, new, hot.
 */
public final class CommandThroughputScenario implements Scenario {

    static final int HOT_AGGREGATES = 100;
    static final int THREADS = 4;

    private final AtomicLong exclusionCounter = new AtomicLong();

    @Override
    public String id() {
        return "P1";
    }

    @Override
    public List<Result> run(BenchRun run) throws Exception {
        int commands = (int) BenchRun.size("commands", 1_000);
        int rounds = BenchRun.rounds();
        int warmups = BenchRun.warmups();
        Path dataDir = run.newDataDir("p1");
        PreparedStore prepared = run.prepare("p1");
        ConfigurableApplicationContext app = run.start(dataDir, prepared);
        try {
            CommandGateway gateway = app.getBean(CommandGateway.class);
            DataSource dataSource = app.getBean(DataSource.class);
            Clock clock = app.getBean(Clock.class);
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);

            List<String> hot = new ArrayList<>();
            for (int i = 0; i < HOT_AGGREGATES; i++) {
                String id = newId();
                gateway.sendAndWait(propose(id, clock));
                hot.add(id);
            }
            StoredEvent template = StoredEvent.engagementProposed(jdbc, hot.get(0));
            awaitProcessors(run, jdbc, processing);
            run.log("P1: %d hot engagements proposed; raw row %d bytes payload, %d bytes metadata", hot.size(),
                    template.payload().length, template.metaData().length);

            List<Double> baseline = new ArrayList<>();
            List<Double> fresh = new ArrayList<>();
            List<Double> hotRates = new ArrayList<>();
            for (int round = -warmups; round < rounds; round++) {
                String label = round < 0 ? "warm-up" : "round " + (round + 1);
                // the baseline and the measured side take turns at going first, so that neither is always the
                // one that runs on a colder JVM or store
                double raw = 0;
                if (round % 2 == 0) {
                    stopProcessors(processing);
                    raw = rawInserts(dataSource, template, commands);
                    startProcessors(processing);
                    awaitProcessors(run, jdbc, processing);
                }
                double onNew = newAggregates(gateway, clock, commands);
                awaitProcessors(run, jdbc, processing);
                if (round % 2 != 0) {
                    stopProcessors(processing);
                    raw = rawInserts(dataSource, template, commands);
                    startProcessors(processing);
                    awaitProcessors(run, jdbc, processing);
                }
                double onHot = hotAggregates(gateway, hot, commands);
                awaitProcessors(run, jdbc, processing);
                run.log("P1 %s: raw %.0f/s, new %.0f/s (%.2f), hot %.0f/s (%.2f of new)", label, raw, onNew,
                        onNew / raw, onHot, onHot / onNew);
                if (round >= 0) {
                    baseline.add(raw);
                    fresh.add(onNew);
                    hotRates.add(onHot);
                }
            }
            List<Result> results = new ArrayList<>();
            String store = run.storeName();
            Samples baselineSamples = Samples.of(baseline);
            Samples newSamples = Samples.of(fresh);
            results.add(Result.ratio("P1", store, "commands/s, new aggregates vs raw insert+commit", "commands/s",
                    newSamples, baselineSamples, 0.25, commands + " ProposeEngagement via CommandGateway.sendAndWait,"
                            + " 1 thread, projections running; raw: " + commands + " single-row INSERT+commit of a"
                            + " stored EngagementProposed row into DomainEventEntry, processors stopped"));
            results.add(Result.ratio("P1", store, "commands/s, 100 hot aggregates vs new aggregates", "commands/s",
                    Samples.of(hotRates), newSamples, 0.8, "new", commands + " SetIpExclusions round-robin over "
                            + HOT_AGGREGATES + " engagements, 1 thread, snapshots every 50 events; baseline: the new"
                            + " rounds"));
            if (commands >= THREADS) {
                List<Double> parallel = new ArrayList<>();
                for (int round = 0; round < Math.min(rounds, 3); round++) {
                    parallel.add(newAggregatesInParallel(gateway, clock, commands));
                    awaitProcessors(run, jdbc, processing);
                }
                run.log("P1 %d threads: %s commands/s", THREADS, parallel);
                Samples parallelSamples = Samples.of(parallel);
                results.add(new Result("P1", store, "commands/s, new aggregates, " + THREADS + " threads",
                        "commands/s", parallelSamples, "median", baselineSamples, "informative", null,
                        commands + " ProposeEngagement from " + THREADS + " threads; baseline: raw, 1 thread"));
            }
            // what the projections cost the commands: the same proposals with every event processor stopped (they
            // catch up afterwards, untimed), against the same raw baseline
            List<Double> alone = new ArrayList<>();
            for (int round = 0; round < Math.min(rounds, 3); round++) {
                stopProcessors(processing);
                alone.add(newAggregates(gateway, clock, commands));
                startProcessors(processing);
                awaitProcessors(run, jdbc, processing);
            }
            run.log("P1 processors stopped: %s commands/s", alone);
            results.add(new Result("P1", store, "commands/s, new aggregates, event processors stopped", "commands/s",
                    Samples.of(alone), "median", baselineSamples, "informative", null, commands
                            + " ProposeEngagement, 1 thread, with every event processor shut down (caught up after"
                            + " each round, untimed): the command path alone; baseline: raw"));
            return results;
        } finally {
            app.close();
            prepared.close();
        }
    }

    private double newAggregates(CommandGateway gateway, Clock clock, int commands) {
        List<ProposeEngagement> batch = new ArrayList<>(commands);
        for (int i = 0; i < commands; i++) {
            batch.add(propose(newId(), clock));
        }
        long start = System.nanoTime();
        for (ProposeEngagement command : batch) {
            gateway.sendAndWait(command);
        }
        return rate(commands, start);
    }

    private double newAggregatesInParallel(CommandGateway gateway, Clock clock, int commands) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<List<ProposeEngagement>> batches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<ProposeEngagement> batch = new ArrayList<>();
                for (int i = t; i < commands; i += THREADS) {
                    batch.add(propose(newId(), clock));
                }
                batches.add(batch);
            }
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (List<ProposeEngagement> batch : batches) {
                done.add(pool.submit(() -> batch.forEach(gateway::sendAndWait)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return rate(commands, start);
        } finally {
            pool.shutdownNow();
        }
    }

    private double hotAggregates(CommandGateway gateway, List<String> hot, int commands) {
        List<SetIpExclusions> batch = new ArrayList<>(commands);
        for (int i = 0; i < commands; i++) {
            batch.add(new SetIpExclusions(hot.get(i % hot.size()),
                    List.of("Framework " + exclusionCounter.incrementAndGet()), "benchmark", null));
        }
        long start = System.nanoTime();
        for (SetIpExclusions command : batch) {
            gateway.sendAndWait(command);
        }
        return rate(commands, start);
    }

    private static double rawInserts(DataSource dataSource, StoredEvent template, int count) throws SQLException {
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(template.copy(newId()));
        }
        long start;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(StoredEvent.INSERT)) {
                start = System.nanoTime();
                for (Object[] row : rows) {
                    for (int c = 0; c < row.length; c++) {
                        insert.setObject(c + 1, row[c]);
                    }
                    insert.executeUpdate();
                    connection.commit();
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return rate(count, start);
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static void stopProcessors(EventProcessingConfiguration processing) {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    private static void startProcessors(EventProcessingConfiguration processing) {
        processing.eventProcessors().values().forEach(EventProcessor::start);
    }

    /** Waits (at most 60 s) until every streaming processor has handled the last stored event. */
    static void awaitProcessors(BenchRun run, JdbcTemplate jdbc, EventProcessingConfiguration processing)
            throws InterruptedException {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        if (head == null) {
            return;
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<String> behind = List.of();
        while (System.nanoTime() < deadline) {
            behind = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .filter(processor -> processor.processingStatus().isEmpty()
                            || processor.processingStatus().values().stream().anyMatch(status ->
                                    status.getCurrentPosition().orElse(-1) < head))
                    .map(StreamingEventProcessor::getName)
                    .toList();
            if (behind.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        // the next measurement would pay for this one's projection work: no figure from here on is honest
        throw new IllegalStateException("P1: processors still behind event " + head + " after 60 s: " + behind);
    }

    static String newId() {
        return "bench-" + UUID.randomUUID();
    }

    static ProposeEngagement propose(String id, Clock clock) {
        LocalDate today = Today.in(clock, ZoneOffset.UTC);
        return new ProposeEngagement(id, "client-" + id, "Bench Client", "Engineer", "EUR", BillingModel.MONTHLY,
                List.of(new NewSeat("seat-1", "pro-" + id, "Pat Doe", new BigDecimal("3100.00"), today)),
                new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 0, 90, 2, 5, 5, 30, IpTrigger.ON_PAYMENT));
    }

    /** A stored event row, as bytes, to copy with fresh identifiers. */
    record StoredEvent(String aggregateId, byte[] payload, byte[] metaData, String payloadType,
                       String payloadRevision, String type) {

        static final String INSERT = "INSERT INTO DomainEventEntry (eventIdentifier, metaData, payload,"
                + " payloadRevision, payloadType, timeStamp, aggregateIdentifier, sequenceNumber, type)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

        static StoredEvent engagementProposed(JdbcTemplate jdbc, String aggregateId) {
            return jdbc.queryForObject("SELECT payload, metaData, payloadType, payloadRevision, type"
                    + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                    (ResultSet rs, int n) -> new StoredEvent(aggregateId, rs.getBytes(1), rs.getBytes(2),
                            rs.getString(3), rs.getString(4), rs.getString(5)), aggregateId);
        }

        /** The row's values for {@link #INSERT}, naming {@code newAggregateId} (as long as the stored one). */
        Object[] copy(String newAggregateId) {
            String json = new String(payload, StandardCharsets.UTF_8);
            if (newAggregateId.length() != aggregateId.length() || !json.contains(aggregateId)) {
                throw new IllegalStateException("cannot copy " + aggregateId + " as " + newAggregateId);
            }
            byte[] newPayload = json.replace(aggregateId, newAggregateId).getBytes(StandardCharsets.UTF_8);
            return new Object[] {UUID.randomUUID().toString(), metaData, newPayload, payloadRevision, payloadType,
                java.time.Instant.now().toString(), newAggregateId, 0L, type};
        }
    }
}
