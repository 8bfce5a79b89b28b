package com.engagementledger.iptransfer.command;

import com.engagementledger.iptransfer.api.IpTransferStatus;
import java.math.BigDecimal;

/**
 * A transfer's status, derived in the order ADR 0035 fixes: a void closes it whatever else holds; an open dispute
 * suspends it, also over an open contest; a contest shows over the assignment it questions; then what the money
 * says.
 */
final class TransferStatus {

    private TransferStatus() {
    }

    static IpTransferStatus derive(boolean voided, boolean disputeOpen, boolean contestOpen, boolean assigned,
                                   BigDecimal amountPaid) {
        if (voided) {
            return IpTransferStatus.VOIDED;
        }
        if (disputeOpen) {
            return IpTransferStatus.SUSPENDED;
        }
        if (contestOpen) {
            return IpTransferStatus.CONTESTED;
        }
        if (assigned) {
            return IpTransferStatus.ASSIGNED;
        }
        return amountPaid.signum() > 0 ? IpTransferStatus.PARTIALLY_ASSIGNED : IpTransferStatus.PENDING;
    }
}
