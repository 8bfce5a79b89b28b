package com.engagementledger.replacement.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The answer to a requested replacement: its id, and its version (0, a new replacement), also sent as the ETag.
 */
public record ReplacementCreated(@Schema(requiredMode = RequiredMode.REQUIRED) String replacementId,
                                 @Schema(requiredMode = RequiredMode.REQUIRED) long version) {
}
