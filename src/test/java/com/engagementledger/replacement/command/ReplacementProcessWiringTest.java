package com.engagementledger.replacement.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.EligibilityDecision;
import com.engagementledger.replacement.api.ReplacementOpening;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementRecords;
import com.engagementledger.support.HttpTestSupport;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The replacement's command side as the application wires it (DESIGN.md §4, ADR 0026): the saga on a streaming
 * processor whose token and sagas are in the relational store, failures propagated, the dating windows bound, and a
 * replacement created through Axon's own repository starting its process with a db-scheduler deadline. Shares the
 * HTTP tests' context; it does not move the clock.
 */
class ReplacementProcessWiringTest extends HttpTestSupport {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private Repository<Replacement> replacements;

    @Autowired
    private ReplacementRecords records;

    @Autowired
    private ReplacementDatingWindow window;

    @Autowired
    private TransactionManager transactions;

    @Test
    void processRunsOnAStreamingProcessorWithItsTokenInTheRelationalStoreAndRetriesFailures() {
        assertThat(processing.sagaProcessingGroup(ReplacementProcess.class))
                .isEqualTo(ReplacementProcess.PROCESSING_GROUP);
        assertThat(processing.eventProcessor(ReplacementProcess.PROCESSING_GROUP))
                .get().isInstanceOf(StreamingEventProcessor.class);
        assertThat(processing.tokenStore(ReplacementProcess.PROCESSING_GROUP)).isInstanceOf(JdbcTokenStore.class);
        assertThat(processing.listenerInvocationErrorHandler(ReplacementProcess.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);
    }

    @Test
    void startDatesFollowTheEngagementsDatingWindows() {
        assertThat(window).isEqualTo(new ReplacementDatingWindow(31, 365));
    }

    @Test
    void replacementCreatedThroughItsRepositoryStartsItsProcessWithTheSlaDeadline() throws Exception {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        LocalDate slaDue = today.plusDays(400);
        transactions.executeInTransaction(() -> {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.execute(() -> {
                try {
                    replacements.newInstance(() -> new Replacement(new ReplacementOpening("wiring-rep-1",
                            "wiring-eng-1", "seat-1", ReplacementReason.ATTRITION, null,
                            new EligibilityDecision(Eligibility.FREE, "attrition", false), today, slaDue, 5, 5,
                            "Europe/Berlin", "pro-1", "Ada Lovelace", today.minusDays(30), today.plusDays(59), null,
                            BillingModel.MONTHLY, new BigDecimal("8000.00"), "EUR")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        });
        DefaultUnitOfWork<?> reading = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(records.standing("wiring-rep-1")).isEqualTo(ReplacementRecords.Standing.OPEN);
            assertThat(records.standing("wiring-rep-unknown")).isEqualTo(ReplacementRecords.Standing.UNKNOWN);
        } finally {
            reading.rollback();
        }

        Timestamp expected = Timestamp.from(slaDue.plusDays(1).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant());
        long deadline = System.nanoTime() + 20_000_000_000L;
        Integer sagas = 0;
        Integer scheduled = 0;
        while (System.nanoTime() < deadline && (sagas == 0 || scheduled == 0)) {
            Thread.sleep(100);
            sagas = jdbc.queryForObject("SELECT COUNT(*) FROM AssociationValueEntry WHERE associationKey = "
                    + "'engagementId' AND associationValue = 'wiring-eng-1'", Integer.class);
            scheduled = jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time = ?",
                    Integer.class, expected);
        }
        assertThat(sagas).isEqualTo(1);
        assertThat(scheduled).isEqualTo(1);
    }
}
