package com.engagementledger.engagement.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The answer to an added seat: the engagement's id, the new seat's id (to release it or change its rate by) and the
 * engagement's version after it.
 */
public record SeatAdded(@Schema(requiredMode = RequiredMode.REQUIRED) String id,
                        @Schema(requiredMode = RequiredMode.REQUIRED) String seatId,
                        @Schema(requiredMode = RequiredMode.REQUIRED) long version) {
}
