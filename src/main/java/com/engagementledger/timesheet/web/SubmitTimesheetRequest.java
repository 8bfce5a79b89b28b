package com.engagementledger.timesheet.web;

import com.engagementledger.platform.web.ResourceId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One seat's hours for one ISO week ({@code YYYY-Www}), by day ({@code YYYY-MM-DD}, a day of that week); a day
 * left out is 0.
 */
public record SubmitTimesheetRequest(@NotNull @ResourceId String engagementId, @NotNull @ResourceId String seatId,
                                     @NotNull @Size(max = 20) String week,
                                     @NotNull @Size(max = 7) Map<String, BigDecimal> hours) {
}
