package com.engagementledger.invoicing.api;

import com.engagementledger.platform.api.AuditedCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A payment taken back by the client's bank: reopens the balance; at most what is paid and kept (net paid). */
public record RecordChargeback(@TargetAggregateIdentifier String invoiceId, String chargebackId, BigDecimal amount,
                               String currency, LocalDate chargedBackOn, String reason,
                               @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
