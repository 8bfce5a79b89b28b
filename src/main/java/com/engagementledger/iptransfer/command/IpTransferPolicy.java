package com.engagementledger.iptransfer.command;

import com.engagementledger.invoicing.api.ChargebackRecorded;
import com.engagementledger.invoicing.api.CreditNoteIssued;
import com.engagementledger.invoicing.api.InvoiceDisputeResolved;
import com.engagementledger.invoicing.api.InvoiceDisputed;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.invoicing.api.InvoiceVoided;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.invoicing.api.RefundRecorded;
import com.engagementledger.iptransfer.api.EngagementIpTerms;
import com.engagementledger.iptransfer.api.EngagementIpTerms.IpTerms;
import com.engagementledger.iptransfer.api.IpTransferIds;
import com.engagementledger.iptransfer.api.NoteInvoiceDisputeResolved;
import com.engagementledger.iptransfer.api.NoteInvoiceDisputed;
import com.engagementledger.iptransfer.api.NoteInvoiceMovement;
import com.engagementledger.iptransfer.api.NoteInvoiceVoided;
import com.engagementledger.iptransfer.api.OpenIpTransfer;
import com.engagementledger.iptransfer.api.SourceEvent;
import com.engagementledger.platform.api.AuditMetadata;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an issued invoice's events into its IP transfer's commands (ADR 0035), on a tracking processor of its own
 * whose token is kept in the relational store ({@link IpTransferPolicyConfiguration}): it starts at the tail of the
 * event store, so invoices issued before it existed get their transfers too. Every command names the invoice event
 * it comes from ({@link SourceEvent}), and the transfer notes each one once, so a redelivery or a replay of this
 * processor changes nothing. The commands are the system's (no user asks for them), in the causing event's
 * correlation. A failure stops the processor, which retries the event: no movement is ever skipped.
 */
@Component
@ProcessingGroup(IpTransferPolicy.PROCESSING_GROUP)
public class IpTransferPolicy {

    static final String PROCESSING_GROUP = "ip-transfer-policy";
    private static final Logger LOG = LoggerFactory.getLogger(IpTransferPolicy.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final MetaData SYSTEM = MetaData.from(Map.of(AuditMetadata.ACTOR, AuditMetadata.SYSTEM_ACTOR,
            AuditMetadata.ROLES, List.of(AuditMetadata.SYSTEM_ROLE)));

    private final CommandGateway commands;
    private final EngagementIpTerms terms;

    public IpTransferPolicy(CommandGateway commands, EngagementIpTerms terms) {
        this.commands = commands;
        this.terms = terms;
    }

    @EventHandler
    void on(InvoiceIssued event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, TrackingToken token) {
        IpTerms engagement = terms.of(event.engagementId(), event.invoiceId()).orElseGet(() -> unknown(event));
        send(new OpenIpTransfer(IpTransferIds.ofInvoice(event.invoiceId()), event.invoiceId(), event.number(),
                event.engagementId(), event.clientId(), engagement.clientName(), event.period(), event.currency(),
                event.issueDate(), event.total(), event.ipTrigger(), engagement.exclusions(),
                source(event, eventId, sequence, at, token)));
    }

    @EventHandler
    void on(PaymentRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, TrackingToken token) {
        movement(event.invoiceId(), InvoiceMovementKind.PAYMENT, event.paymentId(), event.amount(),
                source(event, eventId, sequence, at, token));
    }

    @EventHandler
    void on(RefundRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, TrackingToken token) {
        movement(event.invoiceId(), InvoiceMovementKind.REFUND, event.refundId(), event.amount(),
                source(event, eventId, sequence, at, token));
    }

    @EventHandler
    void on(ChargebackRecorded event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, TrackingToken token) {
        movement(event.invoiceId(), InvoiceMovementKind.CHARGEBACK, event.chargebackId(), event.amount(),
                source(event, eventId, sequence, at, token));
    }

    @EventHandler
    void on(CreditNoteIssued event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, TrackingToken token) {
        movement(event.invoiceId(), InvoiceMovementKind.CREDIT_NOTE, event.creditNoteId(), event.amount(),
                source(event, eventId, sequence, at, token));
    }

    @EventHandler
    void on(InvoiceDisputed event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, TrackingToken token) {
        send(new NoteInvoiceDisputed(IpTransferIds.ofInvoice(event.invoiceId()), event.reason(),
                source(event, eventId, sequence, at, token)));
    }

    @EventHandler
    void on(InvoiceDisputeResolved event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, TrackingToken token) {
        send(new NoteInvoiceDisputeResolved(IpTransferIds.ofInvoice(event.invoiceId()), event.reason(),
                source(event, eventId, sequence, at, token)));
    }

    /**
     * Only an issued invoice has a transfer: a draft's void is the one invoice event that legitimately has none, and
     * is all this policy passes over (any other event without its transfer fails and is retried).
     */
    @EventHandler
    void on(InvoiceVoided event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at, TrackingToken token) {
        if (!event.wasIssued()) {
            return;
        }
        send(new NoteInvoiceVoided(IpTransferIds.ofInvoice(event.invoiceId()), event.reason(),
                source(event, eventId, sequence, at, token)));
    }

    /**
     * An engagement the command side does not know (an invoice stored without one: a repair, an import) will not be
     * known on a retry either: the transfer opens without a client name or exclusions rather than stop every other
     * invoice's transfer behind it, and the inconsistency is logged.
     */
    private static IpTerms unknown(InvoiceIssued event) {
        LOG.warn("Invoice {} was issued for engagement {}, which the engagement's command side does not know: its IP"
                + " transfer opens without a client name or exclusions", event.invoiceId(), event.engagementId());
        return new IpTerms(event.engagementId(), null, List.of());
    }

    private void movement(String invoiceId, InvoiceMovementKind kind, String movementId, BigDecimal amount,
                          SourceEvent source) {
        send(new NoteInvoiceMovement(IpTransferIds.ofInvoice(invoiceId), kind, movementId, amount, source));
    }

    private void send(Object command) {
        // the causing event's correlation is added by the platform's correlation data; the actor is the system's
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(SYSTEM),
                COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static SourceEvent source(Object event, String eventId, long sequence, Instant at, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException(
                "the tracking token " + token + " of " + eventId + " has no global position"));
        return new SourceEvent(eventId, event.getClass().getSimpleName(), sequence, position, at);
    }
}
