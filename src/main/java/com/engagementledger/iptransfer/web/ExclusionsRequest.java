package com.engagementledger.iptransfer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The background technology excluded from IP transfer, replaced as a whole (an empty list clears it), and why
 * (required, it goes into the audit trail). The items' rule is {@code IpExclusions}: plain-text names of at most 200
 * characters, each named once whatever its case, at most 50.
 */
public record ExclusionsRequest(List<String> exclusions, @NotBlank @Size(min = 1, max = 2000) String reason) {
}
