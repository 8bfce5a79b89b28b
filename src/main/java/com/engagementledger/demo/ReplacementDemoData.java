package com.engagementledger.demo;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.platform.time.ClockChange;
import com.engagementledger.platform.time.TestClockController;
import com.engagementledger.replacement.api.AcceptCandidate;
import com.engagementledger.replacement.api.ProposeCandidate;
import com.engagementledger.replacement.api.RejectCandidate;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.RequestReplacement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two replacements on the demo engagements: at Acme, Anna Kowalski's replacement for non-performance, whose first
 * candidate was rejected and whose SLA was missed by two business days before the second was accepted (a service
 * credit of two day rates); at Hooli, under notice, Gus Andersson leaves and his successor works beside him in the
 * overlap. A missed SLA needs business days to pass after the request, which is always dated today: the seeding
 * moves the demo's test clock forward, through the same endpoint an administrator would use, so that the deadline
 * records the breach as it would in real time: seven business days beyond the day {@link BillingDemoData} left the
 * clock on (ADR 0027). The ids are {@code DemoCommands.id("replacement:acme-anna")} and {@code ...("replacement:hooli-gus")}.
 */
@Component
@Profile("demo")
@Order(ReplacementDemoData.ORDER)
public class ReplacementDemoData implements DemoData {

    static final int ORDER = 200;
    /** The demo engagements' replacement SLA ({@link EngagementDemoData}). */
    private static final int SLA_BUSINESS_DAYS = 5;
    private static final int DAYS_LATE = 2;

    private final TestClockController clock;
    private final BusinessDays businessDays;

    ReplacementDemoData(TestClockController clock, BusinessDays businessDays) {
        this.clock = clock;
        this.businessDays = businessDays;
    }

    @Override
    public void seed(DemoCommands commands) {
        // a candidate is checked against the engagement's read model (ADR 0026): it must show the demo engagements
        settle();
        LocalDate requested = commands.today();
        String slow = DemoCommands.id("replacement:acme-anna");
        commands.send(new RequestReplacement(DemoCommands.id("engagement:acme"), slow,
                DemoCommands.id("seat:acme-1"), ReplacementReason.NON_PERFORMANCE,
                "Misses sprint commitments; the client asks for a stronger backend profile", null));
        String rejected = DemoCommands.id("candidate:acme-anna-1");
        commands.send(new ProposeCandidate(slow, rejected, "pro-ivan", "Ivan Petrov", null));
        commands.send(new RejectCandidate(slow, rejected, "Did not pass the client's technical interview", null));

        LocalDate late = businessDays.plus(requested, SLA_BUSINESS_DAYS + DAYS_LATE);
        advanceTo(requested, late);
        String accepted = DemoCommands.id("candidate:acme-anna-2");
        commands.send(new ProposeCandidate(slow, accepted, "pro-julia", "Julia Santos", null));
        commands.send(new AcceptCandidate(slow, accepted, businessDays.plus(late, 1), null));

        String leaving = DemoCommands.id("replacement:hooli-gus");
        commands.send(new RequestReplacement(DemoCommands.id("engagement:hooli"), leaving,
                DemoCommands.id("seat:hooli-1"), ReplacementReason.ATTRITION,
                "Gus leaves the company; the client wants the project finished by someone who knows it", null));
        String successor = DemoCommands.id("candidate:hooli-gus-1");
        commands.send(new ProposeCandidate(leaving, successor, "pro-kim", "Kim Larsen", null));
        commands.send(new AcceptCandidate(leaving, successor, commands.today(), null));
    }

    /** Moves the test clock from {@code from} to {@code to} and waits until what fell due has fired and projected. */
    private void advanceTo(LocalDate from, LocalDate to) {
        move(new ClockChange(null, Duration.ofDays(ChronoUnit.DAYS.between(from, to))));
    }

    /** Leaves the clock where it is and waits until every processor has handled every stored event. */
    private void settle() {
        move(new ClockChange(clock.read().instant(), null));
    }

    private void move(ClockChange change) {
        try {
            clock.move(change);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while moving the demo clock", e);
        }
    }
}
