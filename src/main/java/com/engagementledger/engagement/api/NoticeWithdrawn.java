package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The notice given on {@code noticeDate} was withdrawn: the engagement has no last day again and is active, or
 * paused if a pause without a resume is recorded.
 */
@Revision("1")
public record NoticeWithdrawn(String engagementId, LocalDate noticeDate, LocalDate withdrawnOn, String reason) {
}
