package io.homeshield.telemetry;

import java.util.UUID;

import io.homeshield.telemetry.wire.TelemetryBatch;

/**
 * Where the pipeline hands a batch it has checked: applied on this replica (the default), or
 * published to the telemetry stream for the detection consumers when Kafka is switched on.
 */
public interface BatchHandOff {

    BatchOutcome handOff(UUID routerId, TelemetryBatch batch);
}
