package com.engagementledger.platform.ops.api;

/**
 * What an event processor feeds: a read model, which can be rebuilt from the events at any time, or a process (a
 * saga or policy), which sends commands and so must never see its events twice.
 */
public enum ProcessorKind {
    READ_MODEL,
    PROCESS
}
