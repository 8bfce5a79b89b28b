package com.engagementledger.engagement.api;

/**
 * {@code PROPOSED → TRIAL → ACTIVE ⇄ PAUSED → NOTICE_GIVEN → ENDED}; {@code TRIAL → TRIAL_REJECTED};
 * {@code PROPOSED → CANCELLED}; {@code PROPOSED → ACTIVE} when activated without a trial.
 */
public enum EngagementStatus {
    PROPOSED, TRIAL, ACTIVE, PAUSED, NOTICE_GIVEN, ENDED, TRIAL_REJECTED, CANCELLED;

    /** Whether the engagement has started and not ended: its seats are staffed. */
    public boolean isRunning() {
        return this == TRIAL || this == ACTIVE || this == PAUSED || this == NOTICE_GIVEN;
    }

    public boolean isTerminal() {
        return this == ENDED || this == TRIAL_REJECTED || this == CANCELLED;
    }
}
