package com.engagementledger.platform.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A gauge per event processor, {@code ledger.processor.lag} (Prometheus: {@code ledger_processor_lag_events}): the
 * events stored that it has not handled yet on this node. Axon's Micrometer module measures latency and throughput,
 * not how far behind a processor is. Registered once the application is ready, when Axon has built every processor.
 */
@Component
public class ProcessorLagMetrics {

    private final EventProcessors processors;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(EventProcessors processors, MeterRegistry registry) {
        this.processors = processors;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        processors.all().keySet().forEach(name -> Gauge.builder("ledger.processor.lag", () -> lag(name))
                .tag("processor", name)
                .baseUnit("events")
                .description("Events stored but not yet handled by the processor on this node")
                .register(registry));
    }

    private double lag(String name) {
        Long position = EventProcessors.position(EventProcessors.statuses(processors.named(name)));
        Long head = processors.headPosition();
        return position == null || head == null ? Double.NaN : Math.max(0, head - position);
    }
}
