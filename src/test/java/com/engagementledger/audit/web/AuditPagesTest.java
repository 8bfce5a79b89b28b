package com.engagementledger.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the audit pages read the date-times of their forms (taken as UTC) and prefill the state picker. */
class AuditPagesTest {

    @Test
    void aFormDateTimeIsTheApiInstantInUtc() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(AuditPages.instant("from", "2027-03-17T09:30", errors)).isEqualTo("2027-03-17T09:30:00Z");
        assertThat(AuditPages.instant("from", "2027-03-17T09:30:15", errors)).isEqualTo("2027-03-17T09:30:15Z");
        assertThat(AuditPages.instant("to", "2027-03-17T09:30:15.5Z", errors)).isEqualTo("2027-03-17T09:30:15.500Z");
        assertThat(AuditPages.instant("to", null, errors)).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void anUnreadableDateTimeIsAnErrorOnItsField() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(AuditPages.instant("from", "yesterday", errors)).isNull();
        assertThat(errors).containsOnlyKeys("from");
        assertThat(errors.get("from")).contains("2027-03-17T09:30");
    }

    @Test
    void theStatePickerIsPrefilledAtOrAfterTheEvent() {
        assertThat(AuditPages.datetimeLocal("2027-03-08T09:00:02.076Z")).isEqualTo("2027-03-08T09:00:03");
        assertThat(AuditPages.datetimeLocal("2027-03-08T09:00:02Z")).isEqualTo("2027-03-08T09:00:02");
        assertThat(AuditPages.datetimeLocal("not a time")).isEmpty();
    }
}
