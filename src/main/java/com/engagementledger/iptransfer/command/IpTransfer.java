package com.engagementledger.iptransfer.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.engagementledger.engagement.api.IpExclusions;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.iptransfer.api.AssignmentCertificate;
import com.engagementledger.iptransfer.api.ContestResolution;
import com.engagementledger.iptransfer.api.InvoiceMovementNoted;
import com.engagementledger.iptransfer.api.IpTransferAssigned;
import com.engagementledger.iptransfer.api.IpTransferContestResolved;
import com.engagementledger.iptransfer.api.IpTransferContested;
import com.engagementledger.iptransfer.api.IpTransferExclusionsChanged;
import com.engagementledger.iptransfer.api.IpTransferOpened;
import com.engagementledger.iptransfer.api.IpTransferReinstated;
import com.engagementledger.iptransfer.api.IpTransferStanding;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.iptransfer.api.IpTransferSuspended;
import com.engagementledger.iptransfer.api.IpTransferVoided;
import com.engagementledger.iptransfer.api.NoteInvoiceDisputeResolved;
import com.engagementledger.iptransfer.api.NoteInvoiceDisputed;
import com.engagementledger.iptransfer.api.NoteInvoiceMovement;
import com.engagementledger.iptransfer.api.NoteInvoiceVoided;
import com.engagementledger.iptransfer.api.OpenIpTransfer;
import com.engagementledger.iptransfer.api.ReleaseIpTransferContest;
import com.engagementledger.iptransfer.api.SetIpTransferExclusions;
import com.engagementledger.iptransfer.api.SourceEvent;
import com.engagementledger.iptransfer.command.TransferMoney.NotedMovement;
import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The client's ownership of one issued invoice's deliverables (DESIGN.md §3, ADR 0035), opened and fed by
 * {@link IpTransferPolicy} from the invoice's events. Each invoice event is noted once, by its invoice sequence: the
 * same event again stores nothing, so redelivery and replay are harmless. The money is added up from the movements
 * by id, and the status derived from what was noted ({@link TransferStatus}), so two payments end in the same state
 * in either order. It is assigned once, when settled and no dispute is open ({@code ON_PAYMENT}) or at opening
 * ({@code ON_CREATION}), with a certificate that never changes; a refund or chargeback that leaves an assigned
 * {@code ON_PAYMENT} transfer unpaid contests it until a later settlement or finance's release. A void closes it.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class IpTransfer {

    private static final int MAX_REASON = 2000;

    @AggregateIdentifier
    private String ipTransferId;
    private IpTransferOpened opened;
    private List<String> exclusions = new ArrayList<>();
    /** Every invoice event noted, by its invoice sequence: the issue and each later one, once. */
    private TreeMap<Long, SourceEvent> noted = new TreeMap<>();
    /** The money movements by movement id. */
    private Map<String, NotedMovement> movements = new HashMap<>();
    /** Every dispute (true) and resolution (false) noted, by invoice sequence: the latest one decides. */
    private TreeMap<Long, Boolean> disputes = new TreeMap<>();
    private boolean voided;
    private boolean contestOpen;
    private boolean assigned;
    private Instant assignedAt;
    private AssignmentCertificate certificate;
    private String sha256;

    protected IpTransfer() {
        // for Axon
    }

    /** Opens the transfer of an issued invoice; the same invoice's issue again changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenIpTransfer command) {
        if (opened != null) {
            return;
        }
        requireSource(command.source());
        Objects.requireNonNull(command.invoiceId(), "invoiceId");
        Objects.requireNonNull(command.trigger(), "trigger");
        Objects.requireNonNull(command.issueDate(), "issueDate");
        Currency currency = Currency.getInstance(command.currency());
        TransferMoney money = TransferMoney.of(currency, command.total(), List.of());
        // nothing is credited yet: what is due is the total, in the currency's minor unit
        BigDecimal total = money.amountDue();
        List<String> initial = command.exclusions() == null ? List.of() : List.copyOf(command.exclusions());
        apply(new IpTransferOpened(command.ipTransferId(), command.invoiceId(), command.invoiceNumber(),
                command.engagementId(), command.clientId(), command.clientName(), command.period(),
                currency.getCurrencyCode(), command.issueDate(), total, command.trigger(), initial,
                command.source(), money.standing(IpTransferStatus.PENDING)));
        if (command.trigger() == IpTrigger.ON_CREATION || money.settled()) {
            assign();
        }
    }

    @CommandHandler
    public void handle(NoteInvoiceMovement command) {
        if (alreadyNoted(command.source())) {
            return;
        }
        Objects.requireNonNull(command.kind(), "kind");
        Objects.requireNonNull(command.movementId(), "movementId");
        Objects.requireNonNull(command.amount(), "amount");
        boolean wasContested = contestOpen;
        List<NotedMovement> after = new ArrayList<>(movements.values());
        after.removeIf(movement -> movement.movementId().equals(command.movementId()));
        after.add(new NotedMovement(command.kind(), command.movementId(), command.amount(),
                command.source().sequence()));
        TransferMoney money = money(after);
        apply(new InvoiceMovementNoted(ipTransferId, command.kind(), command.movementId(), command.amount(),
                command.source(), standing(money, contestOpen, assigned)));
        if (voided) {
            return;
        }
        if (wasContested && money.settled()) {
            apply(new IpTransferContestResolved(ipTransferId, ContestResolution.SETTLED, null, command.source(),
                    standing(money, false, true)));
        } else if (assigned && !wasContested && opened.trigger() == IpTrigger.ON_PAYMENT && takesBack(command.kind())
                && !money.settled()) {
            apply(new IpTransferContested(ipTransferId, command.kind(), command.movementId(),
                    money.amountDue().subtract(money.amountPaid()), command.source(), standing(money, true, true)));
        } else if (!assigned && money.settled() && !disputeOpen()) {
            assign();
        }
    }

    @CommandHandler
    public void handle(NoteInvoiceDisputed command) {
        if (alreadyNoted(command.source())) {
            return;
        }
        TreeMap<Long, Boolean> after = new TreeMap<>(disputes);
        after.put(command.source().sequence(), true);
        apply(new IpTransferSuspended(ipTransferId, command.reason(), command.source(),
                standing(money(), contestOpen, assigned, after.lastEntry().getValue())));
    }

    /** The dispute is resolved: back to what the money says, assigned now if it was settled while suspended. */
    @CommandHandler
    public void handle(NoteInvoiceDisputeResolved command) {
        if (alreadyNoted(command.source())) {
            return;
        }
        TreeMap<Long, Boolean> after = new TreeMap<>(disputes);
        after.put(command.source().sequence(), false);
        TransferMoney money = money();
        apply(new IpTransferReinstated(ipTransferId, command.reason(), command.source(),
                standing(money, contestOpen, assigned, after.lastEntry().getValue())));
        if (!voided && !assigned && money.settled() && !disputeOpen()) {
            assign();
        }
    }

    @CommandHandler
    public void handle(NoteInvoiceVoided command) {
        if (alreadyNoted(command.source()) || voided) {
            return;
        }
        apply(new IpTransferVoided(ipTransferId, command.reason(), command.source(),
                money().standing(IpTransferStatus.VOIDED)));
    }

    /** Finance replaces this transfer's exclusions, before its certificate exists. */
    @CommandHandler
    public long handle(SetIpTransferExclusions command) {
        List<String> items = IpExclusions.check("exclusions", command.exclusions());
        String reason = requireReason(command.reason());
        if (voided) {
            throw RuleViolation.illegalState("status", "Cannot change the exclusions of IP transfer " + ipTransferId
                    + ": its invoice " + opened.invoiceNumber() + " is VOIDED");
        }
        if (assigned) {
            throw RuleViolation.illegalState("status", "Cannot change the exclusions of IP transfer " + ipTransferId
                    + ": it was assigned at " + assignedAt + " and its certificate never changes");
        }
        if (items.equals(exclusions)) {
            throw RuleViolation.illegalState("no-change", "IP transfer " + ipTransferId
                    + " already excludes exactly these items");
        }
        apply(new IpTransferExclusionsChanged(ipTransferId, items, reason));
        return AggregateLifecycle.getVersion();
    }

    /** Finance lets a contested assignment stand although it is no longer fully paid for. */
    @CommandHandler
    public long handle(ReleaseIpTransferContest command) {
        String reason = requireReason(command.reason());
        IpTransferStatus status = status(money());
        if (status != IpTransferStatus.CONTESTED) {
            throw RuleViolation.illegalState("not-contested", "IP transfer " + ipTransferId + " is " + status
                    + "; only a CONTESTED transfer is released");
        }
        apply(new IpTransferContestResolved(ipTransferId, ContestResolution.RELEASED, reason, null,
                standing(money(), false, true)));
        return AggregateLifecycle.getVersion();
    }

    /** Assigns once: the certificate rests on every event noted so far, the issue first. */
    private void assign() {
        TransferMoney money = money();
        AssignmentCertificate issued = AssignmentCertificates.certificate(opened, exclusions, money,
                noted.values());
        apply(new IpTransferAssigned(ipTransferId, AssignmentCertificates.assignedAt(noted.values()), issued,
                AssignmentCertificates.sha256(issued), standing(money, contestOpen, true)));
    }

    @EventSourcingHandler
    void on(IpTransferOpened event) {
        ipTransferId = event.ipTransferId();
        opened = event;
        exclusions = new ArrayList<>(event.exclusions());
        noted.put(event.source().sequence(), event.source());
    }

    @EventSourcingHandler
    void on(InvoiceMovementNoted event) {
        noted.put(event.source().sequence(), event.source());
        movements.put(event.movementId(), new NotedMovement(event.kind(), event.movementId(), event.amount(),
                event.source().sequence()));
    }

    @EventSourcingHandler
    void on(IpTransferAssigned event) {
        assigned = true;
        assignedAt = event.assignedAt();
        certificate = event.certificate();
        sha256 = event.sha256();
    }

    @EventSourcingHandler
    void on(IpTransferContested event) {
        contestOpen = true;
    }

    @EventSourcingHandler
    void on(IpTransferContestResolved event) {
        contestOpen = false;
    }

    @EventSourcingHandler
    void on(IpTransferSuspended event) {
        noted.put(event.source().sequence(), event.source());
        disputes.put(event.source().sequence(), true);
    }

    @EventSourcingHandler
    void on(IpTransferReinstated event) {
        noted.put(event.source().sequence(), event.source());
        disputes.put(event.source().sequence(), false);
    }

    @EventSourcingHandler
    void on(IpTransferVoided event) {
        noted.put(event.source().sequence(), event.source());
        voided = true;
    }

    @EventSourcingHandler
    void on(IpTransferExclusionsChanged event) {
        exclusions = new ArrayList<>(event.exclusions());
    }

    private boolean alreadyNoted(SourceEvent source) {
        requireSource(source);
        if (opened == null) {
            throw new IllegalStateException("IP transfer " + ipTransferId + " is not open: its invoice's issue comes"
                    + " first");
        }
        return noted.containsKey(source.sequence());
    }

    private boolean disputeOpen() {
        return !disputes.isEmpty() && disputes.lastEntry().getValue();
    }

    private TransferMoney money() {
        return money(movements.values());
    }

    private TransferMoney money(Collection<NotedMovement> all) {
        return TransferMoney.of(Currency.getInstance(opened.currency()), opened.total(), all);
    }

    private IpTransferStatus status(TransferMoney money) {
        return TransferStatus.derive(voided, disputeOpen(), contestOpen, assigned, money.amountPaid());
    }

    private IpTransferStanding standing(TransferMoney money, boolean contest, boolean isAssigned) {
        return standing(money, contest, isAssigned, disputeOpen());
    }

    private IpTransferStanding standing(TransferMoney money, boolean contest, boolean isAssigned,
                                        boolean dispute) {
        return money.standing(TransferStatus.derive(voided, dispute, contest, isAssigned, money.amountPaid()));
    }

    private static boolean takesBack(InvoiceMovementKind kind) {
        return kind == InvoiceMovementKind.REFUND || kind == InvoiceMovementKind.CHARGEBACK;
    }

    private static void requireSource(SourceEvent source) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(source.timestamp(), "source.timestamp");
    }

    private static String requireReason(String value) {
        String reason = PlainText.text("reason", value, MAX_REASON);
        if (PlainText.isBlank(reason)) {
            throw RuleViolation.invalid("reason", "required", "reason: required, say why");
        }
        return reason;
    }
}
