package com.engagementledger.engagement.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BackDatingWindowTest {

    @Test
    void theWindowIsThirtyOneDaysUnlessConfiguredBesideTheOtherEngagementDefaults() {
        assertThat(bind(Map.of()).backDatingDays()).isEqualTo(31);
        assertThat(bind(Map.of("ledger.engagement-defaults.back-dating-days", "7")).backDatingDays()).isEqualTo(7);
    }

    @Test
    void aNegativeWindowIsAConfigurationError() {
        assertThatThrownBy(() -> bind(Map.of("ledger.engagement-defaults.back-dating-days", "-1")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("back-dating-days must be between 0 and 366, was -1");
    }

    @Test
    void theForwardWindowIsAYearUnlessConfiguredBesideTheOtherEngagementDefaults() {
        assertThat(bindForward(Map.of()).forwardDatingDays()).isEqualTo(365);
        assertThat(bindForward(Map.of("ledger.engagement-defaults.forward-dating-days", "30")).forwardDatingDays())
                .isEqualTo(30);
    }

    private static ForwardDatingWindow bindForward(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("ledger.engagement-defaults", ForwardDatingWindow.class);
    }

    private static BackDatingWindow bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("ledger.engagement-defaults", BackDatingWindow.class);
    }
}
