package com.engagementledger.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An aggregate as it stood at an instant, rebuilt by its own event-sourcing handlers from its events recorded at or
 * before that instant.
 *
 * @param aggregateType the API's aggregate type
 * @param aggregateId   the aggregate
 * @param asOf          the instant asked for
 * @param version       the sequence number of the last event applied; null when the aggregate did not exist yet
 * @param state         the aggregate's fields; null when it did not exist yet
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AggregateStateAsOf(String aggregateType, String aggregateId, String asOf, Long version,
                                 JsonNode state) {
}
