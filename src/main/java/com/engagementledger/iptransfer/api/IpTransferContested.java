package com.engagementledger.iptransfer.api;

import com.engagementledger.invoicing.api.InvoiceMovementKind;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A refund or chargeback left an assigned transfer no longer paid for: recorded, never silently reversed; the
 * certificate stays retrievable with the contest beside it.
 *
 * @param shortfall what is no longer paid for (amountDue − amountPaid after the movement)
 */
@Revision("1")
public record IpTransferContested(String ipTransferId, InvoiceMovementKind kind, String movementId,
                                  BigDecimal shortfall, SourceEvent source, IpTransferStanding after) {
}
