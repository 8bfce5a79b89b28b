package com.engagementledger.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class HolidaysTest {

    @Test
    void holidaysComeFromLedgerHolidaysAsIsoDates() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "ledger.holidays", "2026-12-25,2026-12-26")));
        Holidays holidays = binder.bindOrCreate("ledger", Holidays.class);
        assertThat(holidays.holidays()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
        assertThat(new HolidayConfiguration().businessDays(holidays).isBusinessDay(LocalDate.of(2026, 12, 25)))
                .isFalse();
    }

    @Test
    void thereAreNoHolidaysByDefault() {
        Holidays holidays = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("ledger",
                Holidays.class);
        assertThat(holidays.holidays()).isEmpty();
    }
}
