package com.engagementledger.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The answer to an accepted command: the resource's id and its version after the change (also sent as the ETag).
 * Read models catch up within moments; read the resource to see the change.
 */
public record CommandAccepted(@Schema(requiredMode = RequiredMode.REQUIRED) String id,
                              @Schema(requiredMode = RequiredMode.REQUIRED) long version) {
}
