package com.engagementledger.replacement.web;

import jakarta.validation.constraints.Size;

/**
 * An optional reason for withdrawing a replacement.
 */
public record WithdrawReplacementRequest(@Size(max = 2000) String reason) {
}
