package com.engagementledger.bench;

import com.engagementledger.audit.chain.ChainBenchStore;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.RelationalStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P5 of DESIGN.md §6, the audit: verifying the hash chain runs at ≥ 50,000 events/s, and one engagement's history
 * among 1,000,000 events is answered in ≤ 50 ms.
 *
 * <p>On the store's fresh relational store ({@link BenchRun#prepare}: the H2 file of the application's URL in a fresh
 * data directory, or a fresh PostgreSQL database; the application's migrations for that store), without starting
 * the application: {@link ChainBenchStore} inserts {@code bench.events} events (default 100,000: copies of a real
 * engagement's proposal and activation under fresh ids, by JDBC batches as the JDBC storage engine stores them) and
 * links them with the real {@code AuditChainBuilder}. Then, in {@code bench.warmups} warm-up and {@code bench.rounds}
 * measured rounds, interleaved and alternating which goes first:
 * <ul>
 *   <li>{@code ChainVerifier}, what {@code GET /api/audit/verify} runs (the HTTP call adds one request's overhead),
 *       against its raw baseline: one JDBC SELECT of the same rows and columns in position order with SHA-256 over
 *       payload and metadata, one thread. Judged by the median rate against the bar's absolute 50,000 events/s; the
 *       ratio to the raw read is shown, informative;</li>
 *   <li>unless {@code -Dbench.offline=false}: the NDJSON export (timed once) verified by {@code OfflineVerifier}
 *       (the {@code verify} command) against reading its lines with SHA-256 over each, informative.</li>
 * </ul>
 * Then the store is filled up to {@code bench.history} events (default 1,000,000) and chained, and one engagement's
 * history ({@code AuditHistory.select}, each item built as the endpoint builds it; not over HTTP) is asked for
 * {@code bench.history-queries} engagements spread over the store (default 200, after 50 warm-up queries), judged by
 * its p99 against 50 ms. How fast the stores were built is reported too, as the size a run can afford depends on it.
 */
public final class AuditScenario implements Scenario {

    static final double VERIFY_BAR = 50_000;
    static final double HISTORY_BAR_MS = 50;
    private static final int HISTORY_WARMUPS = 50;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public String id() {
        return "P5";
    }

    @Override
    public List<Result> run(BenchRun run) throws Exception {
        long events = BenchRun.size("events", 100_000);
        long historyEvents = Math.max(events, BenchRun.size("history", 1_000_000));
        int rounds = BenchRun.rounds();
        int warmups = BenchRun.warmups();
        int queries = (int) BenchRun.size("history-queries", 200);
        boolean offline = !"false".equalsIgnoreCase(System.getProperty("bench.offline"));
        String store = run.storeName();
        List<Result> results = new ArrayList<>();
        Path dir = run.newDataDir("p5");
        try (PreparedStore prepared = run.prepare("p5"); ChainBenchStore chain = open(run.store(), prepared, dir)) {
            List<Double> storedRates = new ArrayList<>();
            List<Double> chainedRates = new ArrayList<>();
            build(run, chain, events, storedRates, chainedRates);

            results.add(verify(run, chain, events, rounds, warmups));
            if (offline) {
                results.add(offline(run, chain, dir, events, rounds, warmups));
            }

            if (historyEvents > events) {
                build(run, chain, historyEvents, storedRates, chainedRates);
            }
            results.add(history(run, chain, historyEvents, queries));
            results.add(Result.absolute("P5", store, String.format(Locale.ROOT, "building the store: events inserted"
                            + " by JDBC batches (to %,d, then to %,d)", events, historyEvents), "events/s",
                    Samples.of(storedRates), "median", "informative", null, String.format(Locale.ROOT,
                            "one sample per build step; %,d bytes on disk at %,d events", chain.bytesOnDisk(),
                            historyEvents)));
            results.add(Result.absolute("P5", store, "building the store: events linked by the real"
                            + " AuditChainBuilder (checkpoint every 1,000)", "events/s", Samples.of(chainedRates),
                    "median", "informative", null, "one sample per build step"));
        }
        return results;
    }

    private static ChainBenchStore open(RelationalStore store, PreparedStore prepared, Path dir) {
        if (store == RelationalStore.H2) {
            return ChainBenchStore.h2(dir);
        }
        Map<String, String> arguments = new HashMap<>();
        for (String argument : prepared.arguments()) {
            int equals = argument.indexOf('=');
            if (argument.startsWith("--") && equals > 0) {
                arguments.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
        }
        return ChainBenchStore.postgresql(arguments.get("spring.datasource.url"),
                arguments.get("spring.datasource.username"), arguments.get("spring.datasource.password"), dir);
    }

    private static void build(BenchRun run, ChainBenchStore chain, long total, List<Double> storedRates,
                              List<Double> chainedRates) throws Exception {
        long started = System.nanoTime();
        long added = chain.fill(total);
        double seconds = seconds(started);
        storedRates.add(added / seconds);
        run.log("P5: stored %,d events by JDBC batches in %.1f s (%,.0f events/s)", added, seconds, added / seconds);
        chain.analyze();
        started = System.nanoTime();
        long linkedBefore = total - added; // all linked by the previous step
        long linked = chain.chain() - linkedBefore;
        seconds = seconds(started);
        chainedRates.add(linked / seconds);
        run.log("P5: linked %,d events (AuditChainBuilder) in %.1f s (%,.0f events/s)", linked, seconds,
                linked / seconds);
    }

    private static Result verify(BenchRun run, ChainBenchStore chain, long events, int rounds, int warmups)
            throws Exception {
        double loadBefore = Machine.now().loadAverage();
        Pair pair = interleaved(run, "verify", events, rounds, warmups,
                () -> chain.verify(events), () -> {
                    if (chain.rawRead() != events) {
                        throw new IllegalStateException("the raw read did not see " + events + " rows");
                    }
                });
        boolean met = pair.measured().median() >= VERIFY_BAR;
        return new Result("P5", run.storeName(), String.format(Locale.ROOT, "chain verification (ChainVerifier,"
                        + " what GET /api/audit/verify runs), %,d events", events), "events/s", pair.measured(),
                "median", pair.baseline(), "≥ 50,000 events/s (ratio to raw informative)", met,
                String.format(Locale.ROOT, "raw: one SELECT of the same rows, SHA-256 of payload and metadata, one"
                        + " thread; %d rounds after %d warm-ups, interleaved; CPU per event of this JVM's threads"
                        + " %.1f µs, process %.1f µs (medians%s); load %.1f→%.1f", rounds, warmups,
                        pair.threadCpuMicros(), pair.processCpuMicros(),
                        run.store() == RelationalStore.POSTGRESQL ? "; the PostgreSQL server's CPU not included"
                                : "", loadBefore, Machine.now().loadAverage()));
    }

    private static Result offline(BenchRun run, ChainBenchStore chain, Path dir, long events, int rounds,
                                  int warmups) throws Exception {
        Path export = dir.resolve("export.ndjson");
        long started = System.nanoTime();
        chain.export(export);
        double exportSeconds = seconds(started);
        run.log("P5: exported %,d bytes of NDJSON in %.1f s", Files.size(export), exportSeconds);
        Pair pair = interleaved(run, "offline verify", events, rounds, warmups,
                () -> chain.verifyExport(export, events), () -> ChainBenchStore.rawReadFile(export));
        Result result = new Result("P5", run.storeName(), String.format(Locale.ROOT, "offline verification of the"
                        + " NDJSON export (OfflineVerifier, the verify command), %,d events", events), "events/s",
                pair.measured(), "median", pair.baseline(), "informative", null,
                String.format(Locale.ROOT, "raw: the export's lines read, SHA-256 over each; export written in %.1f"
                                + " s (%,.0f events/s, %,d bytes); CPU per event threads %.1f µs, process %.1f µs",
                        exportSeconds, events / exportSeconds, Files.size(export), pair.threadCpuMicros(),
                        pair.processCpuMicros()));
        Files.delete(export);
        return result;
    }

    private static Result history(BenchRun run, ChainBenchStore chain, long events, int queries) {
        List<String> engagements = chain.engagementsSpread(queries + HISTORY_WARMUPS);
        double[] millis = new double[queries];
        double loadBefore = Machine.now().loadAverage();
        for (int i = 0; i < engagements.size(); i++) {
            long started = System.nanoTime();
            chain.history(engagements.get(i));
            double took = (System.nanoTime() - started) / 1e6;
            if (i >= HISTORY_WARMUPS) {
                millis[i - HISTORY_WARMUPS] = took;
            }
        }
        Samples samples = new Samples(millis);
        String plan = chain.historyPlan(engagements.get(0));
        run.log("P5: history plan: %s", plan);
        double p99 = samples.percentile(99);
        return Result.absolute("P5", run.storeName(), String.format(Locale.ROOT, "one engagement's history among"
                        + " %,d events (AuditHistory.select + items, not over HTTP)", events), "ms", samples, "p99",
                "p99 ≤ 50 ms", p99 <= HISTORY_BAR_MS, String.format(Locale.ROOT, "p50 %.2f, p99 %.2f, max %.2f ms;"
                        + " %d engagements spread over the store after %d warm-up queries; load %.1f→%.1f; plan: %s",
                        samples.median(), p99, samples.max(), queries, HISTORY_WARMUPS, loadBefore,
                        Machine.now().loadAverage(), plan));
    }

    private interface Task {
        void run() throws Exception;
    }

    /** Rates of the measured task and its baseline, and the measured task's CPU per event (medians). */
    private record Pair(Samples measured, Samples baseline, double threadCpuMicros, double processCpuMicros) {
    }

    /**
     * Warm-ups of both, then {@code rounds} rounds of each, alternating which goes first so that a change of the
     * machine's load hits both; events per second of wall clock.
     */
    private static Pair interleaved(BenchRun run, String what, long events, int rounds, int warmups,
                                    Task measured, Task baseline) throws Exception {
        for (int i = 0; i < warmups; i++) {
            measured.run();
            baseline.run();
        }
        double[] rates = new double[rounds];
        double[] baseRates = new double[rounds];
        double[] threadCpu = new double[rounds];
        double[] processCpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 1) {
                baseRates[i] = events / timed(baseline);
            }
            long threadsBefore = allThreadsCpu();
            long processBefore = processCpu();
            rates[i] = events / timed(measured);
            threadCpu[i] = (allThreadsCpu() - threadsBefore) / 1e3 / events;
            processCpu[i] = (processCpu() - processBefore) / 1e3 / events;
            if (i % 2 == 0) {
                baseRates[i] = events / timed(baseline);
            }
            run.log("P5: %s round %d: %,.0f events/s, raw %,.0f events/s", what, i + 1, rates[i], baseRates[i]);
        }
        return new Pair(new Samples(rates), new Samples(baseRates), new Samples(threadCpu).median(),
                new Samples(processCpu).median());
    }

    private static double timed(Task task) throws Exception {
        long started = System.nanoTime();
        task.run();
        return seconds(started);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** CPU time of this JVM's live threads (ns); a thread that ended meanwhile is not counted. */
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

    /** CPU time of the whole process (ns): the threads' plus GC and JIT. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
