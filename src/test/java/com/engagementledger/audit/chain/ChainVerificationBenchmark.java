package com.engagementledger.audit.chain;

import com.engagementledger.bench.Bench;

/**
 * The former command line of the chain verification benchmark (issue 9), now P5 of the project benchmark
 * ({@code com.engagementledger.bench.AuditScenario} over {@link ChainBenchStore}; docs/benchmarks.md): runs that
 * scenario, on H2 unless {@code -Dbench.stores} says otherwise, with {@code [events [rounds [warm-ups]]]} as
 * {@code bench.events}, {@code bench.rounds} and {@code bench.warmups}.
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *     com.engagementledger.audit.chain.ChainVerificationBenchmark 100000 5 1
 * </pre>
 */
public final class ChainVerificationBenchmark {

    private ChainVerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] names = {"bench.events", "bench.rounds", "bench.warmups"};
        for (int i = 0; i < args.length && i < names.length; i++) {
            System.setProperty(names[i], args[i]);
        }
        System.setProperty("bench.scenarios", "P5");
        if (System.getProperty("bench.stores") == null) {
            System.setProperty("bench.stores", "h2");
        }
        Bench.main(new String[0]);
    }
}
