package com.engagementledger.iptransfer.api;

import com.engagementledger.invoicing.api.InvoiceMovementKind;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A movement of the invoice's money noted on the transfer, with where the transfer stands after it (an assignment,
 * contest or its resolution that it causes follows as an event of its own).
 */
@Revision("1")
public record InvoiceMovementNoted(String ipTransferId, InvoiceMovementKind kind, String movementId,
                                   BigDecimal amount, SourceEvent source, IpTransferStanding after) {
}
