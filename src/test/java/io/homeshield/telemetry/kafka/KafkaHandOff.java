package io.homeshield.telemetry.kafka;

import io.homeshield.telemetry.BatchHandOff;
import io.quarkus.arc.Arc;

/** The running application's publisher to the telemetry stream, for benchmarks outside this package. */
public final class KafkaHandOff {

    private KafkaHandOff() {
    }

    public static BatchHandOff publisher() {
        return Arc.container().instance(KafkaBatchPublisher.class).get();
    }
}
