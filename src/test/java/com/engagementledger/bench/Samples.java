package com.engagementledger.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Measured values of one metric (rates, latencies, sizes), kept whole so that a report gives the median, the spread
 * and tail percentiles rather than one number from a noisy machine.
 */
public record Samples(double[] values) {

    public Samples {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        values = values.clone();
        Arrays.sort(values);
    }

    public static Samples of(double... values) {
        return new Samples(values);
    }

    public static Samples of(Collection<? extends Number> values) {
        return new Samples(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public int count() {
        return values.length;
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }

    public double median() {
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** The nearest-rank percentile, {@code 0 < q <= 100}: the smallest value with at least q % of them at or below. */
    public double percentile(double q) {
        if (q <= 0 || q > 100) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + q);
        }
        int rank = (int) Math.ceil(q / 100 * values.length);
        return values[Math.max(0, rank - 1)];
    }

    public double mean() {
        return Arrays.stream(values).average().orElseThrow();
    }
}
