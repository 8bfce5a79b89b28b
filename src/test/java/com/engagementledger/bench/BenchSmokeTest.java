package com.engagementledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.RelationalStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each scenario of the project benchmark (ADR 0040) run once at a tiny size on H2, so that the harness, which drives
 * the application's own beans and endpoints, breaks in the suite when they change rather than at the next benchmark
 * run. It checks that a scenario runs to its end and reports every figure it names with real samples; it judges no
 * bar (that is the benchmark's job, on a quiet machine, at full size: docs/benchmarks.md).
 */
class BenchSmokeTest {

    /** Tiny sizes: seconds per scenario, not minutes. */
    private static final Map<String, String> SIZES = Map.ofEntries(
            Map.entry("bench.rounds", "1"),
            Map.entry("bench.warmups", "0"),
            Map.entry("bench.commands", "40"),
            Map.entry("bench.history", "150"),
            Map.entry("bench.loads", "10"),
            Map.entry("bench.engagements", "8"),
            Map.entry("bench.base-engagements", "4"),
            Map.entry("bench.events", "1500"),
            Map.entry("bench.history-queries", "20"),
            Map.entry("bench.seconds", "4"),
            Map.entry("bench.rate", "40"),
            Map.entry("bench.lag-every", "1"),
            Map.entry("bench.probes", "30"),
            Map.entry("bench.offline", "true"));

    @TempDir
    static Path workDir;

    @BeforeAll
    static void tinySizes() {
        SIZES.forEach(System::setProperty);
    }

    @AfterAll
    static void clearSizes() {
        SIZES.keySet().forEach(System::clearProperty);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CommandThroughputScenario", "ReplayScenario", "AggregateLoadScenario",
        "HttpLoadScenario", "AuditScenario"})
    void runsToItsEndAndReportsMeasuredFigures(String scenarioClass) throws Exception {
        Scenario scenario = (Scenario) Class.forName(Bench.class.getPackageName() + "." + scenarioClass)
                .getDeclaredConstructor().newInstance();
        BenchRun run = new BenchRun(RelationalStore.H2, workDir);
        List<Result> results;
        try {
            results = scenario.run(run);
        } finally {
            run.cleanUp();
        }
        assertThat(results).as("report lines of %s", scenario.id()).isNotEmpty();
        for (Result result : results) {
            assertThat(result.bar()).isEqualTo(scenario.id());
            assertThat(result.store()).isEqualTo("H2");
            assertThat(Arrays.stream(result.measured().values()).boxed()).as("%s: %s", result.bar(), result.metric())
                    .allSatisfy(value -> assertThat(value).isFinite());
            if (result.baseline() != null) {
                assertThat(Arrays.stream(result.baseline().values()).boxed()).as("baseline of %s", result.metric())
                        .allSatisfy(value -> assertThat(value).isFinite().isPositive());
            }
            assertThat(result.criterion()).isNotBlank();
        }
    }
}
