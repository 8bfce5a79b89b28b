package com.engagementledger.invoicing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why an invoice is voided, disputed or its dispute resolved: required, it goes into the audit trail.
 */
public record InvoiceReasonRequest(@NotBlank @Size(min = 1, max = 2000) String reason) {
}
