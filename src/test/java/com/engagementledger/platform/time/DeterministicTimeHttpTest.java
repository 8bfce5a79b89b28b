package com.engagementledger.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving the test clock is deterministic: when the call returns, what fell due has fired and the read models show
 * it; a move a millisecond ahead is a move; and events committed into gaps of the global index around a jump of the
 * clock are never skipped.
 */
class DeterministicTimeHttpTest extends HttpTestSupport {

    private static final EngagementTerms TERMS = new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 14, 90, 2,
            5, 5, 30, IpTrigger.ON_PAYMENT);

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private Clock clock;

    @Test
    void whenAMoveReturnsWhatFellDueHasFiredAndTheReadModelShowsIt() {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = propose("settling-" + i, today.toString());
            assertThat(api.as("manager").post("/api/engagements/" + id + "/trial", (Object) null).status())
                    .isEqualTo(200);
            ids.add(id);
        }
        Api.Response moved = api.as("admin").post("/api/admin/clock", Map.of("advanceBy", "P40D"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("pendingDueActions").asInt()).isZero();
        assertThat(moved.json().get("processorsBehind")).isEmpty();
        Instant movedTo = Instant.parse(moved.json().get("instant").asText());
        for (String id : ids) {
            JsonNode engagement = api.as("auditor").get("/api/engagements/" + id).json();
            assertThat(engagement.get("status").asText()).as(id + " read right after the move").isEqualTo("ACTIVE");
            Instant acceptedAt = Instant.parse(engagement.get("lastChangedAt").asText());
            assertThat(acceptedAt).as("stamped by the moved clock of this application")
                    .isBetween(movedTo.minus(Duration.ofMinutes(1)), movedTo);
        }
    }

    @Test
    void aMoveAMillisecondAheadOrToAnInstantJustPassedIsNoRefusal() {
        for (int i = 0; i < 20; i++) {
            Api.Response tiny = api.as("admin").post("/api/admin/clock", Map.of("advanceBy", "PT0.001S"));
            assertThat(tiny.status()).as(tiny.toString()).isEqualTo(200);
            Instant seen = now();
            Api.Response justAhead = api.as("admin").post("/api/admin/clock",
                    Map.of("instant", seen.plusMillis(2).toString()));
            assertThat(justAhead.status()).as(justAhead.toString()).isEqualTo(200);
            assertThat(Instant.parse(justAhead.json().get("instant").asText())).isAfterOrEqualTo(seen.plusMillis(2));
        }
    }

    /**
     * Two transactions take indexes {@code a < b} of the global index and wait. The clock jumps a month; then b
     * commits, and a. Axon, judging by the events' timestamps against the jumped clock, would take b for an old
     * event, drop the gap at a, and never hand a to the read model.
     */
    @Test
    void eventsCommittedIntoGapsAroundAJumpOfTheClockAreHandled() throws Exception {
        String a = "gap-a-" + UUID.randomUUID();
        String b = "gap-b-" + UUID.randomUUID();
        CountDownLatch aStored = new CountDownLatch(1);
        CountDownLatch bStored = new CountDownLatch(1);
        CountDownLatch commitA = new CountDownLatch(1);
        CountDownLatch commitB = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> writingA = writers.submit(() -> appendAndWait(a, aStored, commitA));
            assertThat(aStored.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> writingB = writers.submit(() -> appendAndWait(b, bStored, commitB));
            assertThat(bStored.await(10, TimeUnit.SECONDS)).isTrue();

            Api.Response jumped = api.as("admin").post("/api/admin/clock", Map.of("advanceBy", "P30D"));
            assertThat(jumped.status()).as(jumped.toString()).isEqualTo(200);

            commitB.countDown();
            writingB.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.as("auditor").get("/api/engagements/" + b).status() == 200);
            commitA.countDown();
            writingA.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> api.as("auditor").get("/api/engagements/" + a).status() == 200);
        } finally {
            commitA.countDown();
            commitB.countDown();
            writers.shutdownNow();
        }
    }

    private void appendAndWait(String id, CountDownLatch stored, CountDownLatch commit) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            EngagementProposed proposed = new EngagementProposed(id, "gap-client", "Gap Client", "Engineer", "EUR",
                    BillingModel.MONTHLY, List.of(new NewSeat("s1", "p1", "Anna", new BigDecimal("9800.00"), today)),
                    TERMS, today);
            storageEngine.appendEvents(new GenericDomainEventMessage<>("Engagement", id, 0,
                    new GenericMessage<>(proposed), clock.instant()));
            stored.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
