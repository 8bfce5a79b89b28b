package com.engagementledger.platform.web;

/**
 * The answer to an accepted command: the resource's id and its version after the change (also sent as the ETag).
 * Read models catch up within moments; read the resource to see the change.
 */
public record CommandAccepted(String id, long version) {
}
