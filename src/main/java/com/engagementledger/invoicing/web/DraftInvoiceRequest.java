package com.engagementledger.invoicing.web;

import com.engagementledger.platform.web.ResourceId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Drafts (or regenerates) the invoice of one engagement for one calendar month in the engagement's time zone.
 */
public record DraftInvoiceRequest(
        @NotNull @ResourceId String engagementId,
        @NotNull @Pattern(regexp = InvoiceController.PERIOD, message = "must be a month YYYY-MM, the month 01 to 12")
        String period) {
}
