package com.engagementledger.bench;

/**
 * One line of a benchmark report: what was measured on which store, its samples, the raw baseline of the same run
 * where the bar is a ratio, and whether the bar of DESIGN.md §6 was met.
 *
 * @param bar       the bar's id (P1 … P5)
 * @param store     the relational store the run used (H2, PostgreSQL)
 * @param metric    what was measured, in words ("commands/s, new aggregates")
 * @param unit      the unit of the samples ("events/s", "ms", "bytes")
 * @param measured  the samples of the system under test
 * @param summary   which statistic the bar is judged on: "median", or "p99" and the like for latencies
 * @param baseline  the raw baseline's samples, measured in the same run on the same store, or null
 * @param criterion the bar in words ("≥ 0.25 × raw", "p99 ≤ 50 ms")
 * @param met       whether the bar is met, or null for a line that only informs
 * @param note      how it was measured, in a few words
 */
public record Result(String bar, String store, String metric, String unit, Samples measured, String summary,
                     Samples baseline, String criterion, Boolean met, String note) {

    /** A figure judged against an absolute bar (latencies, sizes). */
    public static Result absolute(String bar, String store, String metric, String unit, Samples measured,
                                  String summary, String criterion, Boolean met, String note) {
        return new Result(bar, store, metric, unit, measured, summary, null, criterion, met, note);
    }

    /** A rate judged as a ratio of medians against a raw baseline of the same run: met when ≥ {@code atLeast}. */
    public static Result ratio(String bar, String store, String metric, String unit, Samples measured,
                               Samples baseline, double atLeast, String note) {
        return ratio(bar, store, metric, unit, measured, baseline, atLeast, "raw", note);
    }

    /** As {@link #ratio(String, String, String, String, Samples, Samples, double, String)}, naming the baseline. */
    public static Result ratio(String bar, String store, String metric, String unit, Samples measured,
                               Samples baseline, double atLeast, String baselineName, String note) {
        double ratio = measured.median() / baseline.median();
        return new Result(bar, store, metric, unit, measured, "median", baseline,
                "≥ " + atLeast + " × " + baselineName, ratio >= atLeast, note);
    }

    /** The judged statistic of the measured samples. */
    public double value() {
        return statistic(measured, summary);
    }

    /** Median of the measured over median of the baseline, or null without a baseline. */
    public Double ratio() {
        return baseline == null ? null : measured.median() / baseline.median();
    }

    static double statistic(Samples samples, String summary) {
        return switch (summary) {
            case "median" -> samples.median();
            case "max" -> samples.max();
            case "min" -> samples.min();
            default -> {
                if (!summary.startsWith("p")) {
                    throw new IllegalArgumentException("unknown summary " + summary);
                }
                yield samples.percentile(Double.parseDouble(summary.substring(1)));
            }
        };
    }
}
