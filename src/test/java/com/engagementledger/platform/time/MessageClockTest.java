package com.engagementledger.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two applications in one JVM each stamp their events with their own clock, also in the commit phase of a unit of
 * work; a message stamped outside any handling never gets another application's clock.
 */
class MessageClockTest {

    private final Clock first = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final Clock second = Clock.fixed(Instant.parse("2045-06-01T00:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void unregister() {
        MessageClock.unregister(first);
        MessageClock.unregister(second);
    }

    @Test
    void eachApplicationsCommandsStampTheirEventsWithItsClock() {
        MessageClock.register(first);
        SimpleCommandBus firstBus = bus(first);
        MessageClock.register(second);
        SimpleCommandBus secondBus = bus(second);

        assertThat(stampedWhileHandling(secondBus)).containsOnly(second.instant());
        assertThat(stampedWhileHandling(firstBus)).as("the later registration does not leak into the first")
                .containsOnly(first.instant());
        assertThat(GenericEventMessage.asEventMessage("outside").getTimestamp())
                .as("outside any handling, with two applications, real time")
                .isNotIn(first.instant(), second.instant());
    }

    /** On a clock of its own: the installed one also knows the other applications of this test JVM. */
    @Test
    void outsideAnyHandlingOnlyTheOneApplicationsClockIsUsed() {
        MessageClock clocks = new MessageClock();
        clocks.add(first);
        assertThat(clocks.instant()).isEqualTo(first.instant());
        clocks.add(second);
        assertThat(clocks.instant()).isNotIn(first.instant(), second.instant());
        clocks.remove(second);
        assertThat(clocks.instant()).isEqualTo(first.instant());
        Clock previous = MessageClock.bind(second);
        try {
            assertThat(clocks.instant()).as("a binding wins").isEqualTo(second.instant());
        } finally {
            MessageClock.restore(previous);
        }
    }

    private static SimpleCommandBus bus(Clock clock) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new ClockScopeInterceptor(clock));
        return bus;
    }

    /** Stamps one event while handling and one while committing, as Axon's event store reads timestamps then. */
    private static List<Instant> stampedWhileHandling(SimpleCommandBus bus) {
        List<Instant> stamps = new ArrayList<>();
        bus.subscribe(String.class.getName(), command -> {
            stamps.add(GenericEventMessage.asEventMessage("handled").getTimestamp());
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                EventMessage<?> late = GenericEventMessage.asEventMessage("committed");
                stamps.add(late.getTimestamp());
            });
            return null;
        });
        bus.dispatch(GenericCommandMessage.asCommandMessage("command"));
        return stamps;
    }
}
