package com.engagementledger.invoicing.api;

import com.engagementledger.platform.api.AuditedCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Money paid back to the client: reopens the balance; at most what is paid and kept (net paid). */
public record RecordRefund(@TargetAggregateIdentifier String invoiceId, String refundId, BigDecimal amount,
                           String currency, LocalDate refundedOn, String reason,
                           @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
