package io.homeshield.portal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.homeshield.activity.AlertRow;
import io.homeshield.inventory.Device;

/**
 * What the overview's attention banner offers: quarantining the device of the most serious open
 * alert (with its duration choice, right there), or, once it is isolated, what to do next.
 */
public record NextStep(AlertRow alert, Device device, boolean isolated, boolean canAct, String requestKey) {

    public List<QuarantineDuration> durations() {
        return List.of(QuarantineDuration.values());
    }

    /** The first open alert about a device (rows come attention first); null when none is about a device. */
    static NextStep of(List<AlertRow> openRows, List<Device> devices, boolean canAct) {
        return openRows.stream().filter(r -> r.alert().deviceId != null).findFirst()
                .flatMap(row -> device(devices, row).map(d -> new NextStep(row, d, row.deviceQuarantined(), canAct,
                        PortalViews.newRequestKey())))
                .orElse(null);
    }

    private static Optional<Device> device(List<Device> devices, AlertRow row) {
        return devices.stream().filter(d -> Objects.equals(d.id, row.alert().deviceId)).findFirst();
    }
}
