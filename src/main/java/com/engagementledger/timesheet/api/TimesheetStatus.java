package com.engagementledger.timesheet.api;

/**
 * Where a week's timesheet stands (DESIGN.md §3): {@code SUBMITTED → APPROVED | DISPUTED}; a disputed one is
 * resubmitted ({@code SUBMITTED} again); an approved one is final, corrected only by a recorded correction.
 */
public enum TimesheetStatus {
    SUBMITTED, APPROVED, DISPUTED
}
