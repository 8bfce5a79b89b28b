package com.engagementledger.engagement.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.RateChangeScheduled;
import com.engagementledger.platform.axon.SerializationConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * A stored revision-1 {@link RateChangeScheduled} (the JSON fixture, as the event store holds it) reads as revision
 * 2 with a rate change id.
 */
class RateChangeScheduledUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new SerializationConfiguration().defaultAxonObjectMapper())
            .build();

    @Test
    void aRevisionOneEventGetsItsMessageIdentifierAsRateChangeId() throws IOException {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Engagement", "eng-1", 7,
                "event-42", Instant.parse("2025-03-10T12:00:00Z"), RateChangeScheduled.class.getName(), "1",
                fixture("/upcasting/RateChangeScheduled-1.json"), "{}".getBytes());

        List<IntermediateEventRepresentation> upcast = new RateChangeScheduledUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        RateChangeScheduled event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new RateChangeScheduled("eng-1", "seat-1", new BigDecimal("9900.00"),
                LocalDate.parse("2025-04-09"), LocalDate.parse("2025-03-10"), "annual review", "event-42"));
    }

    @Test
    void aRevisionTwoEventPassesUnchanged() {
        RateChangeScheduled current = new RateChangeScheduled("eng-1", "seat-1", new BigDecimal("9900.00"),
                LocalDate.parse("2025-04-09"), LocalDate.parse("2025-03-10"), "annual review", "rc-1");
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Engagement", "eng-1", 7,
                "event-42", Instant.parse("2025-03-10T12:00:00Z"), RateChangeScheduled.class.getName(), "2",
                serializer.serialize(current, byte[].class).getData(), "{}".getBytes());

        List<IntermediateEventRepresentation> upcast = new RateChangeScheduledUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();

        assertThat((RateChangeScheduled) serializer.deserialize(upcast.get(0).getData())).isEqualTo(current);
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = RateChangeScheduledUpcasterTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
