package com.engagementledger.invoicing.api;

import java.time.LocalDate;

/** What issuing gave an invoice. */
public record IssuedInvoice(String invoiceId, String number, LocalDate issueDate, LocalDate dueDate) {
}
