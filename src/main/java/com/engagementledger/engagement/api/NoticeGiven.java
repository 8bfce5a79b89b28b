package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Notice was given on {@code noticeDate}; {@code lastDay} is the last day billed.
 */
@Revision("1")
public record NoticeGiven(String engagementId, LocalDate noticeDate, LocalDate lastDay, boolean forCause, String reason) {
}
