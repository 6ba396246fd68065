package io.homeshield.telemetry;

import java.util.UUID;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.wire.TelemetryBatch;

/**
 * Where the pipeline hands a batch it has checked: applied on this replica (the default), or
 * published to the telemetry stream for the detection consumers when Kafka is switched on.
 */
public interface BatchHandOff {

    /** @param source the channel the batch came in on; detection and automatic rules may weigh it */
    BatchOutcome handOff(UUID routerId, TelemetryBatch batch, EvidenceSource source);

    /** Whether batches go this way now; when not, they are applied on this replica's writer lanes. */
    default boolean active() {
        return true;
    }
}
