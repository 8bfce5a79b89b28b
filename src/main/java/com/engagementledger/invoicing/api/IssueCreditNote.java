package com.engagementledger.invoicing.api;

import com.engagementledger.platform.api.AuditedCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A credit note with a reason (required): reduces the balance, never below zero. */
public record IssueCreditNote(@TargetAggregateIdentifier String invoiceId, String creditNoteId, BigDecimal amount,
                              String currency, LocalDate issuedOn, String reason,
                              @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
