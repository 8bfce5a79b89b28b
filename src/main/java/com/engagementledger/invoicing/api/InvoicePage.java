package com.engagementledger.invoicing.api;

import java.util.List;

/**
 * A page of the invoice list.
 */
public record InvoicePage(List<InvoiceView> items, int page, int size, long totalItems, int totalPages) {
}
