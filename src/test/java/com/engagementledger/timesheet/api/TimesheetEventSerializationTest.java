package com.engagementledger.timesheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.platform.axon.SerializationConfiguration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Timesheet events keep their hours by day through the event store's JSON mapper: dates as keys in day order,
 * amounts with their two decimals.
 */
class TimesheetEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new SerializationConfiguration().defaultAxonObjectMapper())
            .build();

    @Test
    void hoursByDayReadBackAsWritten() {
        SortedMap<LocalDate, BigDecimal> hours = new TreeMap<>();
        hours.put(LocalDate.parse("2026-02-03"), new BigDecimal("7.50"));
        hours.put(LocalDate.parse("2026-02-02"), new BigDecimal("8.25"));
        TimesheetSubmitted submitted = new TimesheetSubmitted("ts-1", "eng-1", "seat-1", "2026-W06",
                "Pacific/Auckland", hours, new BigDecimal("15.75"), List.of(LocalDate.parse("2026-02-02")),
                LocalDate.parse("2026-02-05"), LocalDate.parse("2026-02-12"));
        TimesheetCorrected corrected = new TimesheetCorrected("ts-1", "eng-1", "seat-1", "2026-W06", hours,
                new TreeMap<>(), "typo", LocalDate.parse("2026-02-20"));

        SerializedObject<String> json = serializer.serialize(submitted, String.class);
        assertThat(json.getData()).contains("\"hours\":{\"2026-02-02\":8.25,\"2026-02-03\":7.50}");
        assertThat((Object) serializer.deserialize(json)).isEqualTo(submitted);
        assertThat((Object) serializer.deserialize(serializer.serialize(corrected, String.class)))
                .isEqualTo(corrected);
    }
}
