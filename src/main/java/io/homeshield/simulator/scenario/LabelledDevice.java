package io.homeshield.simulator.scenario;

import java.time.Instant;
import java.util.UUID;

/**
 * A simulated device and the truth about it: benign, or infected from {@code onset} on. The
 * router itself ({@link DeviceKind#ROUTER}) has no {@code mac}.
 */
public record LabelledDevice(UUID routerId, String mac, DeviceKind kind, Infection infection, Instant onset) {

    public boolean isInfected() {
        return infection != null;
    }
}
