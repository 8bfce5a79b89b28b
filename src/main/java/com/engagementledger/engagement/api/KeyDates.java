package com.engagementledger.engagement.api;

import java.time.LocalDate;

/**
 * The dates that mark an engagement's lifecycle, as of today; null until they happen.
 *
 * @param activeFrom         the first billed day once the engagement is active (the trial's start if it was accepted)
 * @param pausedFrom         the first day not billed of the pause that covers today
 * @param resumedOn          the latest day billing resumed on, up to today
 * @param lastDay            the last billed day once notice is given
 * @param scheduledPauseFrom the first day of a pause that starts after today
 * @param scheduledResumeOn  the day billing resumes after today, ending the current or the scheduled pause
 */
public record KeyDates(LocalDate proposedOn, LocalDate trialStart, LocalDate trialLastDay, LocalDate trialDecidedOn,
                       LocalDate activeFrom, LocalDate pausedFrom, LocalDate resumedOn, LocalDate noticeDate,
                       LocalDate lastDay, LocalDate endedOn, LocalDate cancelledOn, LocalDate scheduledPauseFrom,
                       LocalDate scheduledResumeOn) {
}
