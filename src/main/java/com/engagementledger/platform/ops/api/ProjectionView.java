package com.engagementledger.platform.ops.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event processor as seen from this node.
 *
 * @param name         the processor, which is also its processing group (a read model's name)
 * @param kind         whether it feeds a read model (and can be replayed) or a process
 * @param status       what it is doing
 * @param position     the global position up to which every claimed segment has handled the events; null while it
 *                     claims none here
 * @param headPosition the global position of the event store's newest event; null while the store is empty
 * @param lag          events stored but not yet handled (head minus position); null where either is unknown
 * @param segments     the segments this node has claimed
 * @param replay       the replay under way, or null
 * @param deadLetters  the events parked in its dead-letter queue (0 for processors without one)
 * @param error        why it fails, while it is in error; null otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectionView(String name, ProcessorKind kind, ProcessorStatus status, Long position,
                             Long headPosition, Long lag, int segments, ReplayProgress replay, long deadLetters,
                             String error) {
}
