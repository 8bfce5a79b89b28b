package com.engagementledger.platform.audit;

import static com.engagementledger.platform.api.AuditMetadata.ACTOR;
import static com.engagementledger.platform.api.AuditMetadata.CAUSATION_ID;
import static com.engagementledger.platform.api.AuditMetadata.CORRELATION_ID;
import static com.engagementledger.platform.api.AuditMetadata.REASON;
import static com.engagementledger.platform.api.AuditMetadata.REQUEST_ID;
import static com.engagementledger.platform.api.AuditMetadata.ROLES;

import com.engagementledger.platform.api.AuditMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries the audit metadata of the message being handled onto every message it causes: the actor, roles, reason
 * and request id as they are; the correlation id of the whole chain; the id of the causing message as causation id.
 *
 * <p>A deadline is handled on behalf of no one: time passed. Its events get the system as actor, whoever scheduled it,
 * and neither the reason nor the request id of the command that scheduled it, so that the handler can state its own
 * reason.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Map<String, ?> meta = message.getMetaData();
        Object correlationId = meta.get(CORRELATION_ID);
        data.put(CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(CAUSATION_ID, message.getIdentifier());
        if (message instanceof DeadlineMessage<?>) {
            data.put(ACTOR, AuditMetadata.SYSTEM_ACTOR);
            data.put(ROLES, List.of(AuditMetadata.SYSTEM_ROLE));
        } else {
            copy(meta, data, ACTOR);
            copy(meta, data, ROLES);
            copy(meta, data, REASON);
            copy(meta, data, REQUEST_ID);
        }
        return data;
    }

    private static void copy(Map<String, ?> from, Map<String, Object> to, String key) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
