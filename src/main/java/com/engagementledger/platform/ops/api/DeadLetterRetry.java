package com.engagementledger.platform.ops.api;

/**
 * The outcome of retrying a processor's dead letters, one sequence at a time.
 *
 * @param processingGroup the processor
 * @param processed       sequences whose every event was handled this time, and which left the queue
 * @param failed          sequences whose first event failed again, and which stay parked
 * @param remaining       sequences still parked after the retry
 */
public record DeadLetterRetry(String processingGroup, long processed, long failed, long remaining) {
}
