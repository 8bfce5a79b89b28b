package com.engagementledger.invoicing.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The client disputes an issued invoice (reason required); one open dispute at a time. */
public record DisputeInvoice(@TargetAggregateIdentifier String invoiceId, String reason,
                             @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
