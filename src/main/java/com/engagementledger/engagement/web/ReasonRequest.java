package com.engagementledger.engagement.web;

import jakarta.validation.constraints.Size;

/**
 * An optional reason, for rejecting a trial, cancelling a proposal or withdrawing something scheduled.
 */
public record ReasonRequest(@Size(max = 2000) String reason) {
}
