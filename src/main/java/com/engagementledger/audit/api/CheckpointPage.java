package com.engagementledger.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Signed checkpoints in position order, a page at a time.
 *
 * @param items      the checkpoints
 * @param nextCursor what to pass as {@code cursor} for the next page; null on the last one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckpointPage(List<Checkpoint> items, String nextCursor) {
}
