package com.engagementledger.engagement.web;

/**
 * The answer to an added seat: the engagement's id, the new seat's id (to release it or change its rate by) and the
 * engagement's version after it.
 */
public record SeatAdded(String id, String seatId, long version) {
}
