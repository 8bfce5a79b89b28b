package com.engagementledger.platform.time;

import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.engagementledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and moves the application's clock in test mode (the demo profile and tests); absent otherwise. When a move
 * returns, whatever fell due by the new instant (trial auto-acceptance, the end of a notice period...) has fired, and
 * every event processor (read models and sagas) has handled every stored event, including the events of what fired
 * and of whatever that in turn made due: a test can read the outcome right away.
 */
@RestController
@RequestMapping("/api/admin/clock")
@ConditionalOnProperty(name = "ledger.test-clock", havingValue = "true")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Test clock", description = "Demo profile and tests only")
public class TestClockController {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private final TestClock clock;
    private final TestClockStore store;
    private final Scheduler scheduler;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final SharedTokens sharedTokens;

    TestClockController(Clock clock, TestClockStore store, Scheduler scheduler,
                        EventProcessingConfiguration processing, EventStore eventStore, SharedTokens sharedTokens) {
        this.clock = (TestClock) clock;
        this.store = store;
        this.scheduler = scheduler;
        this.processing = processing;
        this.eventStore = eventStore;
        this.sharedTokens = sharedTokens;
    }

    @GetMapping
    @Operation(summary = "The application's current instant",
            description = "The instant the application takes for now (test mode only).")
    public ClockView read() {
        return new ClockView(clock.instant(), pendingDue(clock.instant()), processorsBehind());
    }

    @PostMapping
    @Operation(summary = "Move the clock forward to an instant, or by a duration, and fire everything due by then",
            description = "Give exactly one of instant or advanceBy; the clock never moves backwards. Returns once "
                    + "every deadline due by then has fired and every processor has handled the resulting events.")
    public ClockView move(@RequestBody @jakarta.validation.Valid ClockChange change) throws InterruptedException {
        return settled(clock.moveTo(change::target, store::save));
    }

    /** The console's move: only if the clock still runs {@code shownOffset} ahead ({@link TestClock#moveFrom}). */
    ClockView moveFrom(Duration shownOffset, ClockChange change) throws InterruptedException {
        return settled(clock.moveFrom(shownOffset, change::target, store::save));
    }

    /** How far ahead the clock runs now (what the console's page shows and sends back). */
    Duration offset() {
        return clock.offset();
    }

    private ClockView settled(Instant moved) throws InterruptedException {
        settle(moved);
        return new ClockView(clock.instant(), pendingDue(moved), processorsBehind());
    }

    /**
     * Fires what is due by {@code target} and lets every processor reach the head of the event store, until neither
     * finds more to do (a processor's events can make a deadline due, whose events the processors must then see),
     * or the timeout passes.
     */
    private void settle(Instant target) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (pendingDue(target) > 0) {
                scheduler.triggerCheckForDueExecutions();
            } else if (processorsBehind().isEmpty() && pendingDue(target) == 0) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private int pendingDue(Instant target) {
        return (int) scheduler.getScheduledExecutions(ScheduledExecutionsFilter.all()).stream()
                .filter(execution -> !execution.getExecutionTime().isAfter(target))
                .count();
    }

    /**
     * The running streaming processors that have not handled every stored event, or claim no segment here yet. A
     * processor in error stays behind. A process (saga, policy) whose token is shared in the relational store may
     * run on another node, which claims all its segments: it is behind until the tokens that node stores reach the
     * head (ADR 0038).
     */
    private List<String> processorsBehind() {
        long head = eventStore.createHeadToken() == null ? -1
                : eventStore.createHeadToken().position().orElse(-1);
        List<String> behind = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                var statuses = streaming.processingStatus().values();
                boolean atHead = statuses.isEmpty()
                        ? sharedTokens.claimedElsewhereAndAt(name, head)
                        : statuses.stream().allMatch(status ->
                                !status.isErrorState() && status.getCurrentPosition().orElse(-1) >= head);
                if (!atHead && head >= 0) {
                    behind.add(name);
                }
            }
        });
        behind.sort(null);
        return behind;
    }
}
