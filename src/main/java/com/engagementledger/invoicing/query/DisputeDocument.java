package com.engagementledger.invoicing.query;

import java.time.LocalDate;

/**
 * A dispute inside an invoice document; {@code resolvedOn} is null while it is open.
 */
record DisputeDocument(String reason, LocalDate disputedOn, String resolution, LocalDate resolvedOn) {
}
