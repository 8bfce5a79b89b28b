package com.engagementledger.timesheet.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The answer to a submitted week: the timesheet's id, and its version (0, a new timesheet), also sent as the ETag.
 */
public record TimesheetCreated(@Schema(requiredMode = RequiredMode.REQUIRED) String timesheetId,
                               @Schema(requiredMode = RequiredMode.REQUIRED) long version) {
}
