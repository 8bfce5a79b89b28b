package com.engagementledger.engagement.web;

import jakarta.validation.constraints.Size;

/**
 * An optional reason, for rejecting a trial or cancelling a proposal.
 */
public record ReasonRequest(@Size(max = 2000) String reason) {
}
