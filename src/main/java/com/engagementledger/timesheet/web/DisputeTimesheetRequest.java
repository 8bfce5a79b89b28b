package com.engagementledger.timesheet.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why the client disputes the week; required, since the week is resubmitted with it in mind.
 */
public record DisputeTimesheetRequest(@NotBlank @Size(min = 1, max = 2000) String reason) {
}
