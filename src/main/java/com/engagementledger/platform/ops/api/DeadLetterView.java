package com.engagementledger.platform.ops.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One parked event of a processor's dead-letter queue.
 *
 * @param processingGroup    the processor whose handler failed
 * @param sequenceIdentifier the sequence it holds back (for a per-aggregate read model, the aggregate id): later
 *                           events of the same sequence wait behind it
 * @param eventType          the event's payload type
 * @param aggregateType      the aggregate that stored it, if it is a domain event
 * @param aggregateId        the aggregate's id, if it is a domain event
 * @param sequenceNumber     its sequence number in the aggregate, if it is a domain event
 * @param globalPosition     its position in the event store, where the queue kept it
 * @param causeType          the exception the handler threw; null for an event parked only because an earlier one
 *                           of its sequence is
 * @param causeMessage       that exception's message
 * @param enqueuedAt         when it was parked
 * @param lastTouched        when it was last parked or retried
 * @param retries            failed retries since it was parked
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeadLetterView(String processingGroup, String sequenceIdentifier, String eventType,
                             String aggregateType, String aggregateId, Long sequenceNumber, Long globalPosition,
                             String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched,
                             long retries) {
}
