package com.engagementledger.invoicing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The answer to a recorded payment: the invoice, the payment's id (derived from the Idempotency-Key, so a retry records
 * nothing twice) and the invoice's version after it, also sent as the ETag.
 */
public record PaymentAccepted(@Schema(requiredMode = RequiredMode.REQUIRED) String invoiceId,
                           @Schema(requiredMode = RequiredMode.REQUIRED) String paymentId,
                           Long version) {
}
