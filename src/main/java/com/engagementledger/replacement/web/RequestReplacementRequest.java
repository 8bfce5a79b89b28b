package com.engagementledger.replacement.web;

import com.engagementledger.platform.web.ResourceId;
import com.engagementledger.replacement.api.ReplacementReason;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request for a new professional in one seat of the engagement, for one of the listed reasons, with an optional
 * note for the people who will look for candidates.
 */
public record RequestReplacementRequest(@NotNull @ResourceId String seatId, @NotNull ReplacementReason reason,
                                        @Size(max = 2000) String note) {
}
