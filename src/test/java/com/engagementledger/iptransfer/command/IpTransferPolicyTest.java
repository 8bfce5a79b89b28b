package com.engagementledger.iptransfer.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.invoicing.api.InvoiceBalance;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceVoided;
import com.engagementledger.iptransfer.api.EngagementIpTerms;
import com.engagementledger.iptransfer.api.EngagementIpTerms.IpTerms;
import com.engagementledger.iptransfer.api.OpenIpTransfer;
import com.engagementledger.iptransfer.api.SourceEvent;
import com.engagementledger.platform.api.AuditMetadata;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What the policy sends for an invoice event: the transfer's command with the event as its source (the global
 * position from the tracking token), as the system; nothing for a draft's void; and an open transfer without client
 * name or exclusions for an engagement the command side does not know, rather than a processor stopped for good.
 */
class IpTransferPolicyTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final BigDecimal TOTAL = new BigDecimal("1000.00");

    private final CommandGateway commands = mock(CommandGateway.class);

    @Test
    void anIssueOpensTheTransferWithTheEngagementsTermsAsTheSystem() {
        // the terms of that invoice, as the engagement recorded them when it closed the period
        EngagementIpTerms terms = (id, invoiceId) -> invoiceId.equals("inv-1")
                ? Optional.of(new IpTerms(id, "Acme GmbH", List.of("Acme UI kit"))) : Optional.empty();
        new IpTransferPolicy(commands, terms).on(issued(), "evt-1", 1, AT, new GlobalSequenceTrackingToken(41));

        CommandMessage<?> sent = sent();
        assertThat(sent.getPayload()).isEqualTo(new OpenIpTransfer("ipt-inv-1", "inv-1", "INV-2026-000007", "eng-1",
                "client-1", "Acme GmbH", "2026-02", "EUR", LocalDate.of(2026, 3, 2), TOTAL, IpTrigger.ON_PAYMENT,
                List.of("Acme UI kit"), new SourceEvent("evt-1", "InvoiceIssued", 1, 41, AT)));
        assertThat(sent.getMetaData().get(AuditMetadata.ACTOR)).isEqualTo(AuditMetadata.SYSTEM_ACTOR);
        assertThat(sent.getMetaData().get(AuditMetadata.ROLES)).isEqualTo(List.of(AuditMetadata.SYSTEM_ROLE));
    }

    @Test
    void anUnknownEngagementOpensTheTransferWithoutClientNameOrExclusions() {
        new IpTransferPolicy(commands, (id, invoiceId) -> Optional.empty())
                .on(issued(), "evt-1", 1, AT, new GlobalSequenceTrackingToken(41));
        OpenIpTransfer open = (OpenIpTransfer) sent().getPayload();
        assertThat(open.clientName()).isNull();
        assertThat(open.exclusions()).isEmpty();
    }

    @Test
    void aDraftsVoidHasNoTransferAndSendsNothing() {
        new IpTransferPolicy(commands, (id, invoiceId) -> Optional.empty()).on(new InvoiceVoided("inv-1", "eng-1", "2026-02", false,
                LocalDate.of(2026, 3, 2), "not needed"), "evt-1", 1, AT, new GlobalSequenceTrackingToken(41));
        verify(commands, never()).sendAndWait(any(), anyLong(), any());
    }

    private CommandMessage<?> sent() {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(captor.capture(), anyLong(), eq(TimeUnit.MILLISECONDS));
        return (CommandMessage<?>) captor.getValue();
    }

    private static InvoiceIssued issued() {
        return new InvoiceIssued("inv-1", "eng-1", "client-1", "2026-02", "INV-2026-000007", LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 4, 1), "EUR", List.of(), TOTAL, IpTrigger.ON_PAYMENT, InvoiceBalance.issued(TOTAL));
    }
}
