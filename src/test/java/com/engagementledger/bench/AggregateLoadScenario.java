package com.engagementledger.bench;

import com.engagementledger.engagement.api.SetIpExclusions;
import com.engagementledger.engagement.command.Engagement;
import com.engagementledger.support.PreparedStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P3: loading an engagement with 10,000 events, with snapshots, in ≤ 20 ms (p99) and flat in history length.
 *
 * <p>One application on a fresh store, with its snapshot threshold (50). Three engagements are proposed and then get
 * {@code SetIpExclusions} commands through the gateway until they hold 100, 1,000 and {@code bench.history} (10,000)
 * events; their snapshots are the ones the application took on the way. A load is what a command does before its
 * handler runs: {@code EventSourcingRepository.load} inside a {@code DefaultUnitOfWork} (rolled back: nothing to
 * commit), on a repository built like the application's from its event store, aggregate model and factory, but
 * without any aggregate cache, so that every load reads the store. Each size is loaded
 * {@code bench.loads} (200) times per round after warm-up rounds, the sizes interleaved; the report gives p50 and
 * p99 over all measured loads. Informative: the same loads reading every event from sequence 0 (the event store's
 * {@code readEvents(id, 0)}, which skips the snapshot), to show what snapshots buy.
 */
public final class AggregateLoadScenario implements Scenario {

    @Override
    public String id() {
        return "P3";
    }

    @Override
    public List<Result> run(BenchRun run) throws Exception {
        long history = BenchRun.size("history", 10_000);
        int loads = (int) BenchRun.size("loads", 200);
        int rounds = BenchRun.rounds();
        int warmups = BenchRun.warmups();
        List<Long> sizes = new ArrayList<>(List.of(100L, 1_000L, history).stream().filter(n -> n <= history)
                .distinct().toList());
        Path dataDir = run.newDataDir("p3");
        PreparedStore prepared = run.prepare("p3");
        ConfigurableApplicationContext app = run.start(dataDir, prepared);
        try {
            CommandGateway gateway = app.getBean(CommandGateway.class);
            Clock clock = app.getBean(Clock.class);
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
            Map<Long, String> engagements = new LinkedHashMap<>();
            Map<Long, Long> afterSnapshot = new LinkedHashMap<>();
            Map<Long, Long> storedCount = new LinkedHashMap<>();
            long started = System.nanoTime();
            for (long size : sizes) {
                String id = CommandThroughputScenario.newId();
                gateway.sendAndWait(CommandThroughputScenario.propose(id, clock));
                for (long n = 1; n < size; n++) {
                    gateway.sendAndWait(new SetIpExclusions(id, List.of("Framework " + n), "benchmark", null));
                }
                long count = size;
                // every size is loaded at the worst case of the snapshot threshold (50): 45–49 events after its
                // last snapshot, so that "flat in history length" compares histories, not tails
                while (count - 1 - lastSnapshot(jdbc, id) < TAIL) {
                    gateway.sendAndWait(new SetIpExclusions(id, List.of("Framework " + count), "benchmark", null));
                    count++;
                }
                Long stored = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, id);
                long snapshot = lastSnapshot(jdbc, id);
                run.log("P3: engagement with %d events stored (last snapshot at sequence %d)", stored, snapshot);
                if (stored == null || stored != count) {
                    throw new IllegalStateException("expected " + count + " events of " + id + ", found " + stored);
                }
                engagements.put(size, id);
                storedCount.put(size, count);
                afterSnapshot.put(size, count - 1 - snapshot);
            }
            run.log("P3: histories built in %d s", (System.nanoTime() - started) / 1_000_000_000L);

            Configuration axon = app.getBean(Configuration.class);
            EventStore store = axon.eventStore();
            EventSourcingRepository<Engagement> withSnapshots = repository(axon, store);
            EventSourcingRepository<Engagement> fromEvents = repository(axon, ignoringSnapshots(store));

            Map<Long, List<Double>> snapshotted = new LinkedHashMap<>();
            Map<Long, List<Double>> unsnapshotted = new LinkedHashMap<>();
            sizes.forEach(size -> {
                snapshotted.put(size, new ArrayList<>());
                unsnapshotted.put(size, new ArrayList<>());
            });
            int slowLoads = Math.max(1, loads / 20);
            for (int round = -warmups; round < rounds; round++) {
                for (long size : sizes) {
                    String id = engagements.get(size);
                    List<Double> times = load(withSnapshots, id, storedCount.get(size), loads);
                    List<Double> slow = load(fromEvents, id, storedCount.get(size), slowLoads);
                    if (round >= 0) {
                        snapshotted.get(size).addAll(times);
                        unsnapshotted.get(size).addAll(slow);
                    }
                    run.log("P3 %s, %d events: with snapshots p50 %.2f ms; from all events p50 %.2f ms",
                            round < 0 ? "warm-up" : "round " + (round + 1), size, Samples.of(times).median(),
                            Samples.of(slow).median());
                }
            }

            List<Result> results = new ArrayList<>();
            String storeName = run.storeName();
            String how = "EventSourcingRepository.load in a DefaultUnitOfWork, no aggregate cache, snapshot threshold"
                    + " 50, " + loads + " loads × " + rounds + " rounds";
            for (long size : sizes) {
                Samples samples = Samples.of(snapshotted.get(size));
                boolean judged = size == history;
                results.add(Result.absolute("P3", storeName, "load an engagement with " + storedCount.get(size)
                                + " events, with snapshots (" + afterSnapshot.get(size) + " events after the last)", "ms", samples, "p99",
                        judged ? "p99 ≤ 20 ms" : "informative (p50 " + format(samples.median()) + " ms)",
                        judged ? samples.percentile(99) <= 20 : null, how));
            }
            Samples smallest = Samples.of(snapshotted.get(sizes.get(0)));
            Samples largest = Samples.of(snapshotted.get(history));
            results.add(new Result("P3", storeName, "flat: median load with " + storedCount.get(history)
                    + " events vs " + storedCount.get(sizes.get(0)) + " events", "ms", largest, "median", smallest, "≤ 2 × (ratio of medians)",
                    largest.median() / smallest.median() <= 2.0, "with snapshots, judged ≤ 2× (DESIGN.md says flat);"
                            + " every size at " + TAIL + "–49 events after its last snapshot (the threshold's worst"
                            + " case: " + afterSnapshot.values() + "), so that only the history's length differs;"
                            + " the histories are IP-exclusion changes, which replace a list: the snapshot does not"
                            + " grow with them; baseline: the " + sizes.get(0) + "-event engagement"));
            for (long size : sizes) {
                Samples samples = Samples.of(unsnapshotted.get(size));
                results.add(Result.absolute("P3", storeName, "load an engagement with " + storedCount.get(size)
                                + " events, without snapshots", "ms", samples, "median", "informative", null,
                        "the same load reading every event (readEvents(id, 0)), " + slowLoads + " loads × " + rounds
                                + " rounds"));
            }
            return results;
        } finally {
            app.close();
            prepared.close();
        }
    }

    /** Events after the last snapshot each measured engagement is loaded with (the threshold is 50). */
    private static final long TAIL = 45;

    /** The sequence of an aggregate's last snapshot, -1 for none. */
    private static long lastSnapshot(JdbcTemplate jdbc, String id) {
        Long snapshot = jdbc.queryForObject("SELECT MAX(sequenceNumber) FROM SnapshotEventEntry"
                + " WHERE aggregateIdentifier = ?", Long.class, id);
        return snapshot == null ? -1 : snapshot;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    /** {@code count} loads of {@code id}, each in a unit of work of its own, in milliseconds. */
    private static List<Double> load(EventSourcingRepository<Engagement> repository, String id, long expectedVersion,
                                     int count) {
        List<Double> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                Aggregate<Engagement> aggregate = repository.load(id);
                if (aggregate.version() == null || aggregate.version() != expectedVersion - 1) {
                    throw new IllegalStateException("loaded " + id + " at version " + aggregate.version()
                            + ", expected " + (expectedVersion - 1));
                }
            } finally {
                unitOfWork.rollback();
            }
            times.add((System.nanoTime() - start) / 1e6);
        }
        return times;
    }

    /** A repository like the application's for engagements, without a cache (the application's has none either). */
    private static EventSourcingRepository<Engagement> repository(Configuration axon, EventStore store) {
        AggregateModel<Engagement> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Engagement.class,
                axon.parameterResolverFactory(), axon.handlerDefinition(Engagement.class));
        return EventSourcingRepository.builder(Engagement.class)
                .eventStore(store)
                .aggregateModel(model)
                .aggregateFactory(axon.aggregateFactory(Engagement.class))
                .build();
    }

    /** The event store, but reading an aggregate's events from sequence 0 and never its snapshot. */
    private static EventStore ignoringSnapshots(EventStore store) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, arguments) -> {
                    try {
                        if (method.getName().equals("readEvents") && arguments != null && arguments.length == 1
                                && arguments[0] instanceof String aggregateId) {
                            return store.readEvents(aggregateId, 0L);
                        }
                        return method.invoke(store, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
