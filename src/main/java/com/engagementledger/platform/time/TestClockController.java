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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and moves the application's clock in test mode (the demo profile and tests); absent otherwise. Whatever fell
 * due by the new instant (trial auto-acceptance, the end of a notice period...) has fired when the call returns.
 */
@RestController
@RequestMapping("/api/admin/clock")
@ConditionalOnProperty(name = "ledger.test-clock", havingValue = "true")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Test clock", description = "Demo profile and tests only")
public class TestClockController {

    private static final Duration DUE_WORK_TIMEOUT = Duration.ofSeconds(30);

    private final TestClock clock;
    private final TestClockStore store;
    private final Scheduler scheduler;

    TestClockController(Clock clock, TestClockStore store, Scheduler scheduler) {
        this.clock = (TestClock) clock;
        this.store = store;
        this.scheduler = scheduler;
    }

    @GetMapping
    @Operation(summary = "The application's current instant",
            description = "The instant the application takes for now (test mode only).")
    public ClockView read() {
        return new ClockView(clock.instant(), pendingDue(clock.instant()));
    }

    @PostMapping
    @Operation(summary = "Move the clock forward to an instant, or by a duration, and fire everything due by then",
            description = "Give exactly one of instant or advanceBy; the clock never moves backwards.")
    public ClockView move(@RequestBody @jakarta.validation.Valid ClockChange change) throws InterruptedException {
        Instant moved = clock.moveTo(change::target, store::save);
        return new ClockView(clock.instant(), fireDue(moved));
    }

    /** Wakes the scheduler and waits until nothing due by {@code target} is left, or the timeout passes. */
    private int fireDue(Instant target) throws InterruptedException {
        long deadline = System.nanoTime() + DUE_WORK_TIMEOUT.toNanos();
        int pending = pendingDue(target);
        while (pending > 0 && System.nanoTime() < deadline) {
            scheduler.triggerCheckForDueExecutions();
            Thread.sleep(50);
            pending = pendingDue(target);
        }
        return pending;
    }

    private int pendingDue(Instant target) {
        return (int) scheduler.getScheduledExecutions(ScheduledExecutionsFilter.all()).stream()
                .filter(execution -> !execution.getExecutionTime().isAfter(target))
                .count();
    }
}
