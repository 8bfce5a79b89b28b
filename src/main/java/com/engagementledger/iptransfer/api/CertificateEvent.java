package com.engagementledger.iptransfer.api;

/**
 * An event an assignment certificate rests on: the invoice's issue and the movements that paid for it.
 *
 * @param sequence       its sequence number within the invoice aggregate
 * @param globalPosition its global position in the event store (the audit API's {@code position})
 */
public record CertificateEvent(String eventId, String eventType, long sequence, long globalPosition) {
}
