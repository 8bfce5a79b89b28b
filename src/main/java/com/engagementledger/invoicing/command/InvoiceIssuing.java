package com.engagementledger.invoicing.command;

import com.engagementledger.invoicing.api.AssignInvoiceNumber;
import com.engagementledger.invoicing.api.CloseInvoicedPeriod;
import com.engagementledger.invoicing.api.InvoiceNumbers;
import com.engagementledger.invoicing.api.InvoicedPeriodClosed;
import com.engagementledger.invoicing.api.InvoiceIssuer;
import com.engagementledger.invoicing.api.IssueInvoice;
import com.engagementledger.invoicing.api.IssuedInvoice;
import com.engagementledger.invoicing.api.RecordInvoiceIssue;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.api.PlainText;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Issues a draft in three steps, each its own unit of work (ADR 0032):
 * <ol>
 *   <li>the engagement closes the period ({@link CloseInvoicedPeriod}): the commit point; from then on the issue
 *   completes, its date, due date and lines fixed;</li>
 *   <li>the numbering of the issue date's year assigns the next number ({@link AssignInvoiceNumber}), retried when
 *   another node took that number first;</li>
 *   <li>the invoice records its issue ({@link RecordInvoiceIssue}).</li>
 * </ol>
 * Steps 2 and 3 are idempotent, so {@link InvoiceIssuingProcess} finishes an issue the application stopped in
 * between, and a number once taken always ends on its invoice. The steps run on a thread of their own, outside the
 * unit of work of the {@link IssueInvoice} command: a step nested in it would be stored only with it, and a conflict
 * on the numbering would roll back the closed period.
 */
@Component
public class InvoiceIssuing implements InvoiceIssuer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InvoiceIssuing.class);
    private static final int MAX_ATTEMPTS = 100;
    /** How long a command handler waits for the steps it runs on another thread. */
    private static final Duration STEPS_TIMEOUT = Duration.ofMinutes(2);

    private final CommandGateway commands;
    private final ExecutorService steps;

    public InvoiceIssuing(CommandGateway commands) {
        this.commands = commands;
        AtomicInteger threads = new AtomicInteger();
        this.steps = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "invoice-issuing-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The command of the web layer: issues the draft, outside the command's own unit of work. */
    @CommandHandler
    public IssuedInvoice handle(IssueInvoice command, MetaData metaData) {
        // the steps run on another thread: they carry the issuing command's actor, roles and request themselves
        MetaData audit = auditOf(metaData);
        return outsideUnitOfWork(() -> issue(command, audit));
    }

    /** Who asked, in a message's metadata: what the steps sent on another thread carry. */
    static MetaData auditOf(MetaData metaData) {
        return metaData.subset(AuditMetadata.ACTOR, AuditMetadata.ROLES, AuditMetadata.REQUEST_ID,
                AuditMetadata.CORRELATION_ID);
    }

    /**
     * Issues a draft: checks it (a draft at the expected version), closes its period, numbers and records it. Called
     * outside any unit of work.
     */
    @Override
    public IssuedInvoice issue(IssueInvoice command) {
        return issue(command, MetaData.emptyInstance());
    }

    private IssuedInvoice issue(IssueInvoice command, MetaData audit) {
        String invoiceId = PlainText.id("invoiceId", command.invoiceId(), 200);
        String engagementId = send(new CheckInvoiceIssuable(invoiceId, command.expectedVersion()), audit);
        InvoicedPeriodClosed closed = retryingConflicts("close the period of " + invoiceId,
                () -> send(new CloseInvoicedPeriod(engagementId, invoiceId), audit));
        return finish(closed, audit);
    }

    /** Sends a step with the issuing caller's audit metadata, if it came from another thread. */
    private <R> R send(Object step, MetaData audit) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(step).andMetaData(audit));
    }

    /**
     * Steps 2 and 3 for a closed period; idempotent. Called outside any unit of work, or through
     * {@link #finishOutsideUnitOfWork} from within one.
     */
    public IssuedInvoice finish(InvoicedPeriodClosed closed) {
        return finish(closed, MetaData.emptyInstance());
    }

    private IssuedInvoice finish(InvoicedPeriodClosed closed, MetaData audit) {
        int year = closed.issueDate().getYear();
        String number = retryingConflicts("number invoice " + closed.invoiceId(),
                () -> send(new AssignInvoiceNumber(InvoiceNumbers.idOf(year), year, closed.invoiceId()), audit));
        retryingConflicts("record the issue of " + closed.invoiceId() + " as " + number,
                () -> send(new RecordInvoiceIssue(closed.invoiceId(), number, closed.issueDate(),
                        closed.dueDate(), closed.lines(), closed.total()), audit));
        return new IssuedInvoice(closed.invoiceId(), number, closed.issueDate(), closed.dueDate());
    }

    /**
     * Finishes an issue for the issuing process, as the one who closed the period (the audit metadata of
     * {@link InvoicedPeriodClosed}): the number and the issue carry the user who asked for the issue, not "system".
     */
    IssuedInvoice finishOutsideUnitOfWork(InvoicedPeriodClosed closed, MetaData closedBy) {
        MetaData audit = auditOf(closedBy);
        return outsideUnitOfWork(() -> finish(closed, audit));
    }

    private <T> T outsideUnitOfWork(Supplier<T> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            return work.get();
        }
        try {
            return CompletableFuture.supplyAsync(work, steps).get(STEPS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (TimeoutException slow) {
            // the steps go on; once the period is closed the issuing process finishes them (ADR 0032)
            throw new IllegalStateException("issuing did not finish within " + STEPS_TIMEOUT, slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while issuing", interrupted);
        }
    }

    /**
     * Runs a step again when another node changed the same aggregate first (an optimistic-lock conflict in the event
     * store): on this node Axon's lock serializes the steps, across nodes only the store does.
     */
    static <T> T retryingConflicts(String what, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException failed) {
                if (!isConflict(failed) || attempt >= MAX_ATTEMPTS) {
                    throw failed;
                }
                log.debug("Conflict on attempt {} to {}; retrying", attempt, what);
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L + 5L * Math.min(attempt, 20)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failed;
                }
            }
        }
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException
                    || cause.getClass().getSimpleName().equals("AggregateStreamCreationException")
                    || cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof EventStoreException && cause.getMessage() != null
                    && cause.getMessage().contains("already inserted")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        steps.shutdownNow();
    }
}
