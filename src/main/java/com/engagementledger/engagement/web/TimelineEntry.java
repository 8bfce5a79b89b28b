package com.engagementledger.engagement.web;

/**
 * One event of an engagement's timeline: when, what (the event type), who (the actor of its audit metadata) and why
 * (the reason given, if any).
 */
public record TimelineEntry(long sequence, String timestamp, String eventType, String actor, String reason) {
}
