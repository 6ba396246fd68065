package io.homeshield.telemetry.flowexport;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Counters of the flow collector for Prometheus ({@code homeshield_flowexport_*}). */
@ApplicationScoped
class FlowExportMetrics {

    private final MeterRegistry registry;
    private final Timer handOffWait;

    FlowExportMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.handOffWait = Timer.builder("homeshield.flowexport.handoff.wait")
                .description("From a batch handed to its lane until the pipeline took it").register(registry);
    }

    void datagram(String outcome) {
        counter("homeshield.flowexport.datagrams", outcome).increment();
    }

    void flows(String outcome, int count) {
        if (count > 0) {
            counter("homeshield.flowexport.flows", outcome).increment(count);
        }
    }

    void templates(int count) {
        if (count > 0) {
            registry.counter("homeshield.flowexport.templates").increment(count);
        }
    }

    void templatesRefused(int count) {
        if (count > 0) {
            registry.counter("homeshield.flowexport.templates.refused").increment(count);
        }
    }

    void setsAwaitingTemplate(String outcome, int count) {
        if (count > 0) {
            counter("homeshield.flowexport.sets.without.template", outcome).increment(count);
        }
    }

    void batch(String outcome) {
        counter("homeshield.flowexport.batches", outcome).increment();
    }

    /** Datagrams or flows dropped, by reason (the unit follows from the reason). */
    void dropped(String reason, long count) {
        registry.counter("homeshield.flowexport.drops", "reason", reason).increment(count);
    }

    /** How long a batch waited from being handed to its lane until the pipeline took it: the back-pressure. */
    void handOffWait(long nanos) {
        handOffWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    double dropped(String reason) {
        Counter counter = registry.find("homeshield.flowexport.drops").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    void pendingFlows(Supplier<Number> pending) {
        Gauge.builder("homeshield.flowexport.pending.flows", pending).register(registry);
    }

    double count(String name, String outcome) {
        Counter counter = registry.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private Counter counter(String name, String outcome) {
        return registry.counter(name, "outcome", outcome);
    }
}
