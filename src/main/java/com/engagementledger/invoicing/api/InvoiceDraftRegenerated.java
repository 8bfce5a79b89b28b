package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A draft computed again: its lines are now these. */
@Revision("1")
public record InvoiceDraftRegenerated(String invoiceId, List<InvoiceLine> lines, BigDecimal total,
                                      LocalDate computedOn) {
}
