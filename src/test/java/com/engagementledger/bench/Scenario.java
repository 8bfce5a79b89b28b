package com.engagementledger.bench;

import java.util.List;

/** One bar of DESIGN.md §6, measured with its raw baseline in the same run on one store. */
public interface Scenario {

    /** P1 … P5. */
    String id();

    /** Runs the scenario on {@code run}'s store and returns its report lines. */
    List<Result> run(BenchRun run) throws Exception;
}
