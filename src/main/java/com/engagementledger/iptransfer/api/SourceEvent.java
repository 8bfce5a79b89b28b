package com.engagementledger.iptransfer.api;

import java.time.Instant;

/**
 * The invoice event a transfer command comes from, as the policy saw it on the event stream. It makes every command
 * idempotent (the transfer notes each invoice sequence once, so redelivery and replay change nothing), orders the
 * invoice's disputes whatever order they arrive in, dates the assignment, and is named on the certificate.
 *
 * @param eventId        the event's identifier in the event store
 * @param eventType      the payload's simple class name ({@code PaymentRecorded})
 * @param sequence       its sequence number within the invoice aggregate
 * @param globalPosition its global position in the event store (the audit API's {@code position})
 * @param timestamp      when it was stored
 */
public record SourceEvent(String eventId, String eventType, long sequence, long globalPosition, Instant timestamp) {
}
