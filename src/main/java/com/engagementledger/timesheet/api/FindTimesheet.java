package com.engagementledger.timesheet.api;

/**
 * One timesheet as the read model has it.
 */
public record FindTimesheet(String timesheetId) {
}
