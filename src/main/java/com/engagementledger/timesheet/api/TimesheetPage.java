package com.engagementledger.timesheet.api;

import java.util.List;

/**
 * A page of the timesheet list.
 */
public record TimesheetPage(List<TimesheetView> items, int page, int size, long totalItems, int totalPages) {
}
