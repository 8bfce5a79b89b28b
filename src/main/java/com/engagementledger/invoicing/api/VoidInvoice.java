package com.engagementledger.invoicing.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Voids a draft or an issued invoice while nothing is paid (net paid 0), with a reason (required). An issued
 * invoice keeps its number; its period and credits are freed on the engagement ({@link ReopenInvoicedPeriod}).
 */
public record VoidInvoice(@TargetAggregateIdentifier String invoiceId, String reason,
                          @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
