package io.homeshield.telemetry;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.telemetry.kafka.KafkaHandOff;
import io.homeshield.wire.TelemetryBatch;

/**
 * For the Kafka path benchmark: one running instance whose checked batches go either the direct
 * way (applied on this replica's writer lanes, exactly as without Kafka) or to the telemetry
 * stream, switched between stretches, so both paths run on the same HTTP front end, the same
 * database and the same warmed-up code in the same run. Enabled only by the benchmark's profile.
 */
@Alternative
@ApplicationScoped
public class SwitchableHandOff implements BatchHandOff {

    private final BatchHandOff stream;
    private volatile boolean direct;

    SwitchableHandOff() {
        // looked up by its own class: as a BatchHandOff this alternative would hide it
        this.stream = KafkaHandOff.publisher();
    }

    /** From now on batches are applied here ({@code true}) or published to the stream. */
    public void direct(boolean on) {
        direct = on;
    }

    @Override
    public BatchOutcome handOff(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        return stream.handOff(routerId, batch, source);
    }

    /** Directly: the pipeline applies the batch on its writer lanes, as without Kafka. */
    @Override
    public boolean active() {
        return !direct;
    }
}
