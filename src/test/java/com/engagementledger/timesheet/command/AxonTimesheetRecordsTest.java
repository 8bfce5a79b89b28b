package com.engagementledger.timesheet.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.timesheet.api.AutoApproval;
import com.engagementledger.timesheet.api.TimesheetSubmission;
import com.engagementledger.timesheet.api.TimesheetSubmitted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
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
 * Opening a timesheet the way the engagement does (ADR 0031): inside the handling of its command, through Axon's
 * {@code createNew}; stored when that command's unit of work commits, not at all when it rolls back. And the scope
 * the engagement sets the first auto-approval deadline in is the one the timesheet's repository answers for.
 */
class AxonTimesheetRecordsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-02-02");

    private EmbeddedEventStore eventStore;
    private EventSourcingRepository<Timesheet> repository;
    private AxonTimesheetRecords records;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        repository = EventSourcingRepository.builder(Timesheet.class).eventStore(eventStore).build();
        records = new AxonTimesheetRecords(provider(repository));
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void submitStoresTheTimesheetWithTheEngagementsCommand() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        submittingAggregate().execute(engagement -> records.submit(submission()));
        unitOfWork.commit();

        List<Object> stored = eventStore.readEvents("ts-1").asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
        assertThat(stored).containsExactly(new TimesheetSubmitted("ts-1", "eng-1", "seat-1", "2026-W06",
                "Pacific/Auckland", submission().hours(), new BigDecimal("15.50"), List.of(MONDAY),
                MONDAY.plusDays(3), MONDAY.plusDays(10)));
        assertThat(exists("ts-1")).isTrue();
        assertThat(exists("ts-2")).isFalse();
    }

    @Test
    void submitRolledBackWithItsCommandLeavesNothing() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        submittingAggregate().execute(engagement -> records.submit(submission()));
        unitOfWork.rollback();

        assertThat(eventStore.readEvents("ts-1").asStream()).isEmpty();
        assertThat(exists("ts-1")).isFalse();
    }

    @Test
    void theAutoApprovalScopeIsTheTimesheetsOwn() {
        assertThat(repository.canResolve(AutoApproval.scope("ts-1"))).isTrue();
    }

    private boolean exists(String timesheetId) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return records.exists(timesheetId);
        } finally {
            unitOfWork.rollback();
        }
    }

    private static TimesheetSubmission submission() {
        TreeMap<LocalDate, BigDecimal> hours = new TreeMap<>();
        hours.put(MONDAY, new BigDecimal("8.00"));
        hours.put(MONDAY.plusDays(1), new BigDecimal("7.50"));
        return new TimesheetSubmission("ts-1", "eng-1", "seat-1", "2026-W06", "Pacific/Auckland", hours,
                List.of(MONDAY), MONDAY.plusDays(3));
    }

    /** The engagement's part: an aggregate whose repository can create others, as Axon's configuration builds it. */
    private AnnotatedAggregate<Submitting> submittingAggregate() {
        return AnnotatedAggregate.initialize(new Submitting(), AnnotatedAggregateMetaModelFactory.inspectAggregate(
                Submitting.class), eventStore, new RepositoryProvider() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                        return aggregateType == Timesheet.class ? (Repository<T>) repository : null;
                    }
                });
    }

    private static ObjectProvider<Repository<Timesheet>> provider(Repository<Timesheet> repository) {
        return new ObjectProvider<>() {
            @Override
            public Repository<Timesheet> getObject(Object... args) {
                return repository;
            }

            @Override
            public Repository<Timesheet> getObject() {
                return repository;
            }

            @Override
            public Repository<Timesheet> getIfAvailable() {
                return repository;
            }

            @Override
            public Repository<Timesheet> getIfUnique() {
                return repository;
            }
        };
    }

    /** Stands in for the engagement while it handles {@code SubmitTimesheet}. */
    static class Submitting {
        @AggregateIdentifier
        private String id = "eng-1";
    }
}
