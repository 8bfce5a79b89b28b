package com.engagementledger.timesheet.api;

/**
 * A page of timesheets, newest week first, optionally of one engagement, one ISO week ({@code YYYY-Www}) and in
 * one status.
 */
public record FindTimesheets(String engagementId, String week, TimesheetStatus status, int page, int size) {
}
