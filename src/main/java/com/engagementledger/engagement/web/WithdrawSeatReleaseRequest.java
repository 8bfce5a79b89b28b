package com.engagementledger.engagement.web;

import jakarta.validation.constraints.Size;

/**
 * An optional reason for withdrawing a seat's release: its own type so that the API documents its own example.
 */
public record WithdrawSeatReleaseRequest(@Size(max = 2000) String reason) {
}
