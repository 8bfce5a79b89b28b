package com.engagementledger.invoicing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The answer to a draft: the invoice's id (the existing draft's when the period's draft was regenerated).
 */
public record InvoiceDraftAccepted(@Schema(requiredMode = RequiredMode.REQUIRED) String invoiceId) {
}
