package com.engagementledger.platform.ops.api;

/**
 * How an event processor is doing on this node: handling events, rebuilding from the start of the event store, not
 * running, or failing on an event (it retries it and goes no further until it succeeds).
 */
public enum ProcessorStatus {
    RUNNING,
    REPLAYING,
    STOPPED,
    ERROR
}
