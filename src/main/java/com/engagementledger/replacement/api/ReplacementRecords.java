package com.engagementledger.replacement.api;

/**
 * What the engagement asks of the replacement feature while it handles a command: to open a replacement within its
 * own unit of work (one transaction: the seat's claim and the new replacement are stored together or not at all),
 * and where a replacement it still counts as open stands (the process that tells it so runs a moment later).
 */
public interface ReplacementRecords {

    void open(ReplacementOpening opening);

    Standing standing(String replacementId);

    enum Standing {
        OPEN,
        /** Completed, but the engagement has not recorded the swap yet. */
        COMPLETED,
        WITHDRAWN,
        UNKNOWN
    }
}
