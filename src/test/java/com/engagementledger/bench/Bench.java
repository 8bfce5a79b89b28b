package com.engagementledger.bench;

import com.engagementledger.support.RelationalStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project benchmark of DESIGN.md §6: runs the scenarios P1–P5 on each store asked for, each with its raw
 * baseline in the same run, and writes the report ({@code target/bench/results-<time>.md} and {@code .json}).
 *
 * <p>{@code ./mvnw -B -Pbench verify} runs it (see docs/benchmarks.md); {@code -Dbench.stores=h2,postgresql} and
 * {@code -Dbench.scenarios=P1,P4} choose what runs, {@code -Dbench.rounds} and {@code -Dbench.warmups} how often,
 * and each scenario documents the sizes it takes.
 */
public final class Bench {

    /** The scenario classes by bar, in this package. */
    private static final Map<String, String> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("P1", "CommandThroughputScenario");
        SCENARIOS.put("P2", "ReplayScenario");
        SCENARIOS.put("P3", "AggregateLoadScenario");
        SCENARIOS.put("P4", "HttpLoadScenario");
        SCENARIOS.put("P5", "AuditScenario");
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<RelationalStore> stores = new ArrayList<>();
        for (String name : list("stores", "h2,postgresql")) {
            stores.add(switch (name.toLowerCase(Locale.ROOT)) {
                case "h2" -> RelationalStore.H2;
                case "postgres", "postgresql", "pg" -> RelationalStore.POSTGRESQL;
                default -> throw new IllegalArgumentException("bench.stores: unknown store " + name);
            });
        }
        List<String> scenarioIds = list("scenarios", String.join(",", SCENARIOS.keySet()));
        Path outputDir = Path.of(System.getProperty("bench.output", "target/bench"));
        Path workDir = Path.of(System.getProperty("bench.work-dir", outputDir.resolve("work").toString()));
        Instant started = Instant.now();
        Report.recordCommit();
        Machine before = Machine.now();
        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (RelationalStore store : stores) {
            for (String id : scenarioIds) {
                BenchRun run = new BenchRun(store, workDir);
                Scenario scenario = scenario(id);
                run.log("%s: starting", id);
                long start = System.nanoTime();
                try {
                    List<Result> lines = scenario.run(run);
                    results.addAll(lines);
                    run.log("%s: done in %d s", id, (System.nanoTime() - start) / 1_000_000_000L);
                    lines.forEach(line -> run.log("  %s", Report.oneLine(line)));
                } catch (Exception | AssertionError e) {
                    failures.add(id + " on " + store.productName() + ": " + e);
                    run.log("%s: FAILED %s", id, e);
                    e.printStackTrace(System.out);
                } finally {
                    run.cleanUp();
                }
            }
        }
        Path report = new Report(started, before, Machine.now(), results, failures, args).write(outputDir);
        System.out.println();
        System.out.println("Report: " + report.toAbsolutePath());
        System.out.println(Report.markdownTable(results));
        failures.forEach(failure -> System.out.println("FAILED: " + failure));
        // exit explicitly: a closed application can leave Axon's non-daemon "axon-janitor" thread behind, which kept
        // the JVM (and the Maven build that runs the benchmark) alive after the report was written
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static Scenario scenario(String id) throws ReflectiveOperationException {
        String simpleName = SCENARIOS.get(id.toUpperCase(Locale.ROOT));
        if (simpleName == null) {
            throw new IllegalArgumentException("bench.scenarios: unknown scenario " + id + ", known: "
                    + SCENARIOS.keySet());
        }
        return (Scenario) Class.forName(Bench.class.getPackageName() + "." + simpleName)
                .getDeclaredConstructor().newInstance();
    }

    private static List<String> list(String name, String defaultValue) {
        String value = System.getProperty("bench." + name);
        if (value == null || value.isBlank()) {
            value = defaultValue;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
