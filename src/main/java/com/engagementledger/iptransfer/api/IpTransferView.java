package com.engagementledger.iptransfer.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One transfer as the IP ledger shows it (DESIGN.md §5).
 *
 * @param paidShare   0..1, see {@link IpTransferStanding}
 * @param remaining   what the client still owes for these deliverables, max(0, amountDue − amountPaid), whatever
 *                    the status but VOIDED (0); before assignment, what remains to be paid for it
 * @param assignedAt  when it was assigned; null before
 * @param sha256      the certificate's hash once assigned; null before
 * @param contest     the open or last contest; null when there was none
 * @param suspension  the open dispute's reason and date; null when none is open
 * @param voidReason  why the invoice was voided; null unless {@code VOIDED}
 */
public record IpTransferView(String ipTransferId, String invoiceId, String invoiceNumber, String engagementId,
                             String clientId, String clientName, String period, IpTransferStatus status,
                             String trigger, String currency, LocalDate issueDate, BigDecimal total,
                             BigDecimal paidShare, BigDecimal amountDue, BigDecimal amountPaid, BigDecimal remaining,
                             Instant assignedAt, String sha256, List<String> exclusions, Contest contest,
                             Suspension suspension, String voidReason, long version) {

    /**
     * @param open       whether it is still open
     * @param kind       REFUND or CHARGEBACK
     * @param resolution how it ended (null while open)
     * @param reason     the release's reason (null otherwise)
     */
    public record Contest(boolean open, String kind, String movementId, BigDecimal shortfall, Instant contestedAt,
                          String resolution, String reason, Instant resolvedAt) {
    }

    public record Suspension(String reason, Instant since) {
    }
}
