package com.engagementledger.engagement.api;

/**
 * A page of engagements, newest proposal first, optionally filtered by status and client, and by a text found (any
 * case, taken literally) in the client's name, the client's id or the role title.
 */
public record FindEngagements(EngagementStatus status, String clientId, String text, int page, int size) {

    /** Without a text filter. */
    public FindEngagements(EngagementStatus status, String clientId, int page, int size) {
        this(status, clientId, null, page, size);
    }
}
