package com.engagementledger.platform.store;

/**
 * The last event of one source (an aggregate) that a read-model document has applied.
 */
public record SourceSequence(String source, long sequence) {
}
