package io.homeshield.telemetry;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** Ingest counters for Prometheus: batches by outcome and events accepted. */
@ApplicationScoped
class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(int events) {
        registry.counter("homeshield.ingest.batches", "outcome", "accepted").increment();
        registry.counter("homeshield.ingest.events").increment(events);
    }

    void queued() {
        registry.counter("homeshield.ingest.batches", "outcome", "queued").increment();
    }

    void duplicate() {
        registry.counter("homeshield.ingest.batches", "outcome", "duplicate").increment();
    }

    void rejected(int status) {
        registry.counter("homeshield.ingest.batches", "outcome", status == 503 ? "busy" : "rejected",
                "status", String.valueOf(status)).increment();
    }
}
