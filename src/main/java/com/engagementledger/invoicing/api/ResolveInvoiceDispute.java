package com.engagementledger.invoicing.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Resolves the open dispute, with a reason (required). */
public record ResolveInvoiceDispute(@TargetAggregateIdentifier String invoiceId, String reason,
                                    @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
