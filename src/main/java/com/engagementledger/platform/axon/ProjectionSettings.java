package com.engagementledger.platform.axon;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Processing settings of one read model, from {@code ledger.projections.<name>.batch-size} and
 * {@code ledger.projections.<name>.segments}; a read model without them gets {@code ledger.projection-batch-size}
 * and one segment.
 *
 * @param batchSize events handled per batch (one coalesced write per document per batch)
 * @param segments  segments of a per-aggregate read model; one whose documents several aggregates feed keeps one,
 *                  or two segments could change one document at once
 */
public record ProjectionSettings(Integer batchSize, Integer segments) {

    private static final String PREFIX = "ledger.projections";

    public ProjectionSettings {
        if (batchSize != null && batchSize < 1 || segments != null && segments < 1) {
            throw new IllegalArgumentException("batch-size and segments of a projection are at least 1");
        }
    }

    /** The settings of every read model named under {@code ledger.projections}. */
    static Map<String, ProjectionSettings> bind(Environment environment) {
        return Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, ProjectionSettings.class))
                .orElse(Map.of());
    }

    static ProjectionSettings of(Map<String, ProjectionSettings> configured, String name, int defaultBatchSize) {
        ProjectionSettings given = configured.getOrDefault(name, new ProjectionSettings(null, null));
        return new ProjectionSettings(given.batchSize() == null ? defaultBatchSize : given.batchSize(),
                given.segments() == null ? 1 : given.segments());
    }
}
