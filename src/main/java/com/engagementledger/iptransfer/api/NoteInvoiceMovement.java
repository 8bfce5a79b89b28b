package com.engagementledger.iptransfer.api;

import com.engagementledger.invoicing.api.InvoiceMovementKind;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A payment, refund, chargeback or credit note recorded on the transfer's invoice. The transfer adds the movements
 * up itself by id (never from the order they arrive in), so two payments in either order end in the same state; the
 * same source event again changes nothing.
 */
public record NoteInvoiceMovement(@TargetAggregateIdentifier String ipTransferId, InvoiceMovementKind kind,
                                  String movementId, BigDecimal amount, SourceEvent source) {
}
