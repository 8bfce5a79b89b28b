package com.engagementledger.platform.ops;

import com.engagementledger.platform.ops.api.ProcessorStatus;
import com.engagementledger.platform.ops.api.ProjectionView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Down while an event processor fails on an event: such a processor retries that event and goes no further, so its
 * read model or process is stuck until the cause is fixed. Processors that are behind, replaying or stopped for a
 * replay are not down. Details per processor: status, position, lag and the error. Not part of liveness, which a
 * stuck processor must not turn into restarts that change nothing.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessors processors;

    public EventProcessorsHealthIndicator(EventProcessors processors) {
        super("Event processors health check failed");
        this.processors = processors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Long head = processors.headPosition();
        boolean stuck = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var entry : processors.all().entrySet()) {
            ProjectionView view = processors.view(entry.getKey(), entry.getValue(), head, null);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", view.status());
            detail.put("position", view.position());
            detail.put("lag", view.lag());
            if (view.error() != null) {
                detail.put("error", view.error());
            }
            details.put(entry.getKey(), detail);
            stuck |= view.status() == ProcessorStatus.ERROR;
        }
        (stuck ? builder.down() : builder.up()).withDetails(details);
        if (head != null) {
            // none while the event store is empty
            builder.withDetail("headPosition", head);
        }
    }
}
