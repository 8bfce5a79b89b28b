package com.engagementledger.invoicing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.LocalDate;

/**
 * What issuing gave the invoice: its number, issue date and due date.
 */
public record InvoiceIssueAccepted(@Schema(requiredMode = RequiredMode.REQUIRED) String invoiceId,
                                   @Schema(requiredMode = RequiredMode.REQUIRED) String number,
                                   @Schema(requiredMode = RequiredMode.REQUIRED) LocalDate issueDate,
                                   @Schema(requiredMode = RequiredMode.REQUIRED) LocalDate dueDate) {
}
