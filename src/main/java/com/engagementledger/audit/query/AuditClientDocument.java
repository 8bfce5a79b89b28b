package com.engagementledger.audit.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The client an aggregate's events concern: an engagement names it when proposed, a replacement through its
 * engagement.
 */
@Document("audit_clients")
public class AuditClientDocument {

    @Id
    String id;
    String clientId;

    static AuditClientDocument of(String aggregateId, String clientId) {
        AuditClientDocument document = new AuditClientDocument();
        document.id = aggregateId;
        document.clientId = clientId;
        return document;
    }
}
