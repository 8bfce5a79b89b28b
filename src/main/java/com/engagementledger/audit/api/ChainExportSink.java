package com.engagementledger.audit.api;

/**
 * Receives the whole chained history in position order: every position up to the chain's progress as an event with
 * its recorded link or as a position that holds none, and each checkpoint right after the position it signs.
 */
public interface ChainExportSink {

    void event(StoredEvent event, String hash);

    void empty(long position);

    void checkpoint(Checkpoint checkpoint);
}
