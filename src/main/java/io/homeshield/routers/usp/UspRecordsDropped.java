package io.homeshield.routers.usp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the records the controller drops unread, by reason ({@code homeshield_usp_records_dropped_total}). */
final class UspRecordsDropped {

    static final String NAME = "homeshield.usp.records.dropped";

    /** Larger than {@code homeshield.usp.max-record-bytes}. */
    static final String OVERSIZED = "oversized";
    /** Not a USP Record, or a Message that cannot be read. */
    static final String UNREADABLE = "unreadable";
    /** Addressed to another endpoint. */
    static final String NOT_ADDRESSED = "not-addressed";
    /** On the controller topic itself, where the broker cannot tell who sent it. */
    static final String UNCHECKED_SENDER = "unchecked-sender";
    /** Its from_id is not the endpoint id of the topic the broker let the sender write. */
    static final String SPOOFED_SENDER = "spoofed-sender";
    /** The notification queue was full: not acknowledged, so the agent sends it again. */
    static final String QUEUE_FULL = "queue-full";

    private final MeterRegistry registry;

    UspRecordsDropped(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String reason) {
        Counter.builder(NAME).description("USP records the controller dropped unread").tag("reason", reason)
                .register(registry).increment();
    }
}
