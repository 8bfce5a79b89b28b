package com.engagementledger.engagement.web;

/**
 * The answer to an accepted command: the engagement and its version after the change (also sent as the ETag). The
 * read model catches up within moments; read it at {@code /api/engagements/{id}}.
 */
public record CommandAccepted(String engagementId, long version) {
}
