package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The trial started; {@code lastDay} is its last day. Undecided, it is accepted by itself the day after.
 */
@Revision("1")
public record TrialStarted(String engagementId, LocalDate startDate, LocalDate lastDay) {
}
