package com.engagementledger.iptransfer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why finance lets a contested assignment stand: required, it goes into the audit trail and beside the contest. */
public record ReleaseRequest(@NotBlank @Size(min = 1, max = 2000) String reason) {
}
