package io.homeshield.telemetry.flowexport;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of the flow collector for Prometheus ({@code homeshield_flowexport_*}). */
@ApplicationScoped
class FlowExportMetrics {

    private final MeterRegistry registry;

    FlowExportMetrics(MeterRegistry registry) {
        this.registry = registry;
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
