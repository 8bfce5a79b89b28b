package com.engagementledger.audit.history;

import com.engagementledger.audit.api.StoredEvent;

/**
 * A stored event with the audit chain's link at its position.
 *
 * @param event the row as stored
 * @param hash  the recorded link (hex); null while the chain has not reached the position
 */
public record AuditedEvent(StoredEvent event, String hash) {
}
