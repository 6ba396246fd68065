package io.homeshield.telemetry.flowexport;

import io.homeshield.wire.TelemetryBatch;

/** Where the hand-off lanes deliver a router's batch: the telemetry pipeline. */
@FunctionalInterface
interface FlowBatchSink {

    /**
     * Takes the batch, or refuses it with the pipeline's problem: a 503 when the pipeline is full (the
     * batch is offered again), anything else when the batch itself is refused.
     */
    void accept(TelemetryBatch batch);
}
