package com.engagementledger.platform.ops;

import com.engagementledger.platform.ops.api.ProcessorStatus;
import com.engagementledger.platform.ops.api.ProjectionView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Down while an event processor is stuck: it has failed on an event at every check for at least
 * {@code ledger.operations.stuck-after} (30 s by default), retrying that event and going no further. A failure that
 * the next retry gets past (a connection lost for a moment) does not take the node out of service. Processors that
 * are behind, replaying or stopped for a replay are not down. Details per processor: status, position, lag and the
 * error. Not part of liveness: restarting the node would not get past a poison event.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessors processors;
    private final Duration stuckAfter;
    /** When each processor in error was first seen failing, in elapsed time (nanoseconds). */
    private final Map<String, Long> failingSince = new ConcurrentHashMap<>();

    public EventProcessorsHealthIndicator(EventProcessors processors,
                                          @Value("${ledger.operations.stuck-after:PT30S}") Duration stuckAfter) {
        super("Event processors health check failed");
        this.processors = processors;
        this.stuckAfter = stuckAfter;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Long head = processors.headPosition();
        long now = System.nanoTime();
        boolean stuck = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var entry : processors.all().entrySet()) {
            String name = entry.getKey();
            ProjectionView view = processors.view(name, entry.getValue(), head, null);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", view.status());
            detail.put("position", view.position());
            detail.put("lag", view.lag());
            if (view.status() == ProcessorStatus.ERROR) {
                long since = failingSince.computeIfAbsent(name, failing -> now);
                detail.put("error", view.error());
                detail.put("failingFor", Duration.ofNanos(now - since).withNanos(0).toString());
                stuck |= now - since >= stuckAfter.toNanos();
            } else {
                failingSince.remove(name);
            }
            details.put(name, detail);
        }
        (stuck ? builder.down() : builder.up()).withDetails(details);
        if (head != null) {
            // none while the event store is empty
            builder.withDetail("headPosition", head);
        }
    }
}
