package com.engagementledger.engagement.api;

import java.time.LocalDate;

/**
 * The dates that mark an engagement's lifecycle; null until they happen.
 *
 * @param activeFrom      the first billed day once the engagement is active (the trial's start if it was accepted)
 * @param pausedFrom      the first day not billed in the current pause
 * @param lastDay         the last billed day once notice is given
 */
public record KeyDates(LocalDate proposedOn, LocalDate trialStart, LocalDate trialLastDay, LocalDate trialDecidedOn,
                       LocalDate activeFrom, LocalDate pausedFrom, LocalDate resumedOn, LocalDate noticeDate,
                       LocalDate lastDay, LocalDate endedOn, LocalDate cancelledOn) {
}
