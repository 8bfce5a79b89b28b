package com.engagementledger.replacement.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.EligibilityDecision;
import com.engagementledger.replacement.api.ReplacementOpening;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementRecords.Standing;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.modelling.command.inspection.AnnotatedAggregate;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Opening a replacement the way the engagement does: inside the handling of another aggregate's command, through
 * Axon's {@code createNew}, whose repository provider finds the replacement's repository, as Axon's Spring
 * configuration wires every aggregate's. The new replacement's events are stored when that command's unit of work
 * commits, not before, and not at all when it rolls back.
 */
class AxonReplacementRecordsTest {

    private EmbeddedEventStore eventStore;
    private AxonReplacementRecords records;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Replacement> replacements = EventSourcingRepository.builder(Replacement.class)
                .eventStore(eventStore)
                .build();
        records = new AxonReplacementRecords(provider(replacements));
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void openStoresTheRequestWithTheCommandThatOpenedIt() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        claimingAggregate().execute(claim -> records.open(opening("rep-1")));
        unitOfWork.commit();

        List<Object> stored = eventStore.readEvents("rep-1").asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
        assertThat(stored).containsExactly(new ReplacementRequested("rep-1",
                "eng-1", "seat-1", ReplacementReason.ATTRITION, "leaves in April", Eligibility.FREE,
                "attrition", false, LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-17"), 5, 5, "UTC",
                "pro-1", "Ada Lovelace", LocalDate.parse("2025-01-06"), LocalDate.parse("2025-04-05"), null,
                BillingModel.MONTHLY, new BigDecimal("8000.00"), "EUR"));
        assertThat(standing("rep-1")).isEqualTo(Standing.OPEN);
    }

    @Test
    void openRolledBackWithItsCommandLeavesNothing() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        claimingAggregate().execute(claim -> records.open(opening("rep-1")));
        unitOfWork.rollback();

        assertThat(eventStore.readEvents("rep-1").asStream()).isEmpty();
        assertThat(standing("rep-1")).isEqualTo(Standing.UNKNOWN);
    }

    @Test
    void openWithAnIdThatIsNoPlainIdIsRefused() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        assertThatThrownBy(() -> claimingAggregate().execute(claim -> records.open(opening(" rep-1"))))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("replacementId: must not begin or end with a space");
        unitOfWork.rollback();
    }

    @Test
    void openWithoutTheEngagementsDecisionIsAProgrammingError() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        assertThatThrownBy(() -> claimingAggregate().execute(claim -> records.open(null)))
                .isInstanceOf(IllegalArgumentException.class);
        unitOfWork.rollback();
    }

    @Test
    void standingFollowsTheReplacementToItsEnd() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        claimingAggregate().execute(claim -> records.open(opening("rep-1")));
        unitOfWork.commit();
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(
                new org.axonframework.eventhandling.GenericDomainEventMessage<>("Replacement", "rep-1", 1,
                        new ReplacementWithdrawn("rep-1", "eng-1", "seat-1", LocalDate.parse("2025-03-11"), null,
                                null, false))));

        assertThat(standing("rep-1")).isEqualTo(Standing.WITHDRAWN);
        assertThat(standing("rep-2")).isEqualTo(Standing.UNKNOWN);
    }

    private Standing standing(String replacementId) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return records.standing(replacementId);
        } finally {
            unitOfWork.rollback();
        }
    }

    /** The engagement's part: an aggregate whose repository can create others, as Axon's configuration builds it. */
    private AnnotatedAggregate<SeatClaim> claimingAggregate() {
        return AnnotatedAggregate.initialize(new SeatClaim(), AnnotatedAggregateMetaModelFactory.inspectAggregate(
                SeatClaim.class), eventStore, new RepositoryProvider() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                        return aggregateType == Replacement.class
                                ? (Repository<T>) EventSourcingRepository.builder(Replacement.class)
                                        .eventStore(eventStore).build()
                                : null;
                    }
                });
    }

    private static ReplacementOpening opening(String replacementId) {
        return new ReplacementOpening(replacementId, "eng-1", "seat-1", ReplacementReason.ATTRITION,
                "  leaves in April ", new EligibilityDecision(Eligibility.FREE, "attrition", false),
                LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-17"), 5, 5, "UTC", "pro-1", "Ada Lovelace",
                LocalDate.parse("2025-01-06"), LocalDate.parse("2025-04-05"), null, BillingModel.MONTHLY,
                new BigDecimal("8000.00"), "EUR");
    }

    private static ObjectProvider<Repository<Replacement>> provider(Repository<Replacement> repository) {
        return new ObjectProvider<>() {
            @Override
            public Repository<Replacement> getObject(Object... args) {
                return repository;
            }

            @Override
            public Repository<Replacement> getObject() {
                return repository;
            }

            @Override
            public Repository<Replacement> getIfAvailable() {
                return repository;
            }

            @Override
            public Repository<Replacement> getIfUnique() {
                return repository;
            }
        };
    }

    /** Stands in for the engagement while it handles the command that claims a seat. */
    static class SeatClaim {
        @AggregateIdentifier
        private String id = "eng-1";
    }
}
