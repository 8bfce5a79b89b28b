package com.engagementledger.iptransfer.web;

import com.engagementledger.engagement.api.IpExclusions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The background technology excluded from IP transfer, replaced as a whole (an empty list clears it), and why
 * (required, it goes into the audit trail). The list's shape and sizes are this request's (a 400, like the reason's);
 * what the items say is {@code IpExclusions}' rule: plain-text names, each named once
 * whatever its case, composition or spacing.
 */
public record ExclusionsRequest(
        @NotNull(message = "must not be null (an empty list clears it)")
        @Size(max = IpExclusions.MAX_ITEMS, message = "must have at most {max} items")
        List<@NotNull @Size(max = IpExclusions.MAX_LENGTH, message = "is longer than {max} characters") String>
                exclusions,
        @NotBlank @Size(min = 1, max = 2000) String reason) {
}
