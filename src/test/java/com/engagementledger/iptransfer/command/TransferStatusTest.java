package com.engagementledger.iptransfer.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.iptransfer.api.IpTransferStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TransferStatusTest {

    private static final BigDecimal NOTHING = new BigDecimal("0.00");
    private static final BigDecimal SOME = new BigDecimal("1.00");

    @Test
    void aVoidOutranksEverything() {
        assertThat(TransferStatus.derive(true, true, true, true, SOME)).isEqualTo(IpTransferStatus.VOIDED);
    }

    @Test
    void anOpenDisputeOutranksAContestAndTheAssignment() {
        assertThat(TransferStatus.derive(false, true, true, true, SOME)).isEqualTo(IpTransferStatus.SUSPENDED);
    }

    @Test
    void aContestOutranksTheAssignment() {
        assertThat(TransferStatus.derive(false, false, true, true, SOME)).isEqualTo(IpTransferStatus.CONTESTED);
    }

    @Test
    void thenTheAssignmentThenWhatTheMoneySays() {
        assertThat(TransferStatus.derive(false, false, false, true, NOTHING)).isEqualTo(IpTransferStatus.ASSIGNED);
        assertThat(TransferStatus.derive(false, false, false, false, SOME))
                .isEqualTo(IpTransferStatus.PARTIALLY_ASSIGNED);
        assertThat(TransferStatus.derive(false, false, false, false, NOTHING)).isEqualTo(IpTransferStatus.PENDING);
    }
}
