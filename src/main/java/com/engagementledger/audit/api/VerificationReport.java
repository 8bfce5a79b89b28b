package com.engagementledger.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a verification of the audit hash chain found; every member is in the JSON, null or not.
 *
 * @param ok                 whether every event, link and checkpoint checked out
 * @param eventsChecked      events whose link was recomputed
 * @param checkpointsChecked checkpoints whose signature and chain hash were checked
 * @param lastPosition       the last position of the global index checked (0 when none)
 * @param firstBadPosition   the first position where an event was altered, removed or inserted, or whose checkpoint
 *                           does not verify; null when ok
 * @param problem            what is wrong there, in words; null when ok
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VerificationReport(boolean ok, long eventsChecked, long checkpointsChecked, long lastPosition,
                                 Long firstBadPosition, String problem) {
}
