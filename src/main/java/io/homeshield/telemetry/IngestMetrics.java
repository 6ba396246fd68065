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

    void deadLettered() {
        registry.counter("homeshield.ingest.batches", "outcome", "dead-lettered").increment();
    }

    /** A group of batches committed together on a writer lane. */
    void committedGroup(int batches) {
        registry.summary("homeshield.ingest.group.batches").record(batches);
    }

    /**
     * One store of batches' records committed: the batches stored together and the rows written per
     * table (receipts, hourly activity, daily destinations).
     */
    void stored(int receipts, int hourRows, int destinationRows) {
        registry.summary("homeshield.ingest.flush.batches").record(receipts);
        registry.summary("homeshield.ingest.flush.rows", "table", "telemetry_receipt").record(receipts);
        registry.summary("homeshield.ingest.flush.rows", "table", "device_activity").record(hourRows);
        registry.summary("homeshield.ingest.flush.rows", "table", "device_destination").record(destinationRows);
    }

    void overCap(int macs) {
        registry.counter("homeshield.ingest.devices.over-cap").increment(macs);
    }

    void rejected(int status) {
        registry.counter("homeshield.ingest.batches",
                "outcome", status == 503 ? "busy" : status == 429 ? "limited" : "rejected",
                "status", String.valueOf(status)).increment();
    }
}
