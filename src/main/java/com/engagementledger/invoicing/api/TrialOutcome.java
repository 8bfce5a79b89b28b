package com.engagementledger.invoicing.api;

/**
 * Where the engagement's trial stands when a draft is computed: its days are billed only once it is accepted.
 */
public enum TrialOutcome {
    UNDECIDED, ACCEPTED, REJECTED
}
