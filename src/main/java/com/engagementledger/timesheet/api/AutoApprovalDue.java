package com.engagementledger.timesheet.api;

/**
 * The payload of a timesheet's auto-approval deadline: which submission (1 for the first, 2 after the first
 * resubmission, ...) it approves.
 */
public record AutoApprovalDue(int submission) {
}
