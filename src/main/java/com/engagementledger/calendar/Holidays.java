package com.engagementledger.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The holidays of {@code ledger.holidays}, as ISO dates. Beside the operational settings of {@code ledger}, since
 * the business days of every feature (replacement SLA, overlap) depend on them.
 */
@ConfigurationProperties("ledger")
public record Holidays(@DefaultValue List<LocalDate> holidays) {
}
