package com.engagementledger.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The demo runner seeds every feature in its order, only into an empty store, and steps aside when another node
 * seeds the same store at the same time.
 */
class DemoDataRunnerTest {

    static final List<String> SEEDED = new ArrayList<>();

    @Order(200)
    static final class Later implements DemoData {
        @Override
        public void seed(DemoCommands commands) {
            SEEDED.add("later");
        }
    }

    @Order(100)
    static final class Earlier implements DemoData {
        @Override
        public void seed(DemoCommands commands) {
            SEEDED.add("earlier");
        }
    }

    static final class Features {
        @Bean
        Later later() {
            return new Later();
        }

        @Bean
        Earlier earlier() {
            return new Earlier();
        }
    }

    @Test
    void featuresAreSeededInTheirOrderIntoAnEmptyStoreOnly() {
        SEEDED.clear();
        List<DemoData> features;
        try (var context = new AnnotationConfigApplicationContext(Features.class)) {
            features = context.getBeanProvider(DemoData.class).orderedStream().toList();
        }
        new DemoDataRunner(store(false), features, null).run(null);
        assertThat(SEEDED).containsExactly("earlier", "later");

        new DemoDataRunner(store(true), features, null).run(null);
        assertThat(SEEDED).as("nothing seeded again").hasSize(2);
    }

    @Test
    void aNodeThatFindsTheDemoIdsTakenStepsAside() {
        DemoData raced = commands -> {
            throw new CompletionException(new AggregateStreamCreationException("taken"));
        };
        new DemoDataRunner(store(false), List.of(raced), null).run(null);

        DemoData broken = commands -> {
            throw new CompletionException(new IllegalStateException("refused"));
        };
        assertThatThrownBy(() -> new DemoDataRunner(store(false), List.of(broken), null).run(null))
                .hasRootCauseMessage("refused");
    }

    @SuppressWarnings("unchecked")
    private static EventStore store(boolean hasEvents) {
        EventStore store = mock(EventStore.class);
        BlockingStream<TrackedEventMessage<?>> stream = mock(BlockingStream.class);
        when(stream.hasNextAvailable()).thenReturn(hasEvents);
        when(store.openStream(any())).thenReturn((BlockingStream) stream);
        return store;
    }
}
