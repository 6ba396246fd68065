package io.homeshield.enforcement;

import java.util.Map;
import java.util.UUID;

import io.homeshield.net.MacAddress;

/**
 * A claimed action with everything the adapter call needs, read before the claiming transaction
 * ended: the device and level for a quarantine or release, the router's whole blocklist for a sync,
 * the parameter values for a settings change, the image for a firmware installation.
 */
record DispatchJob(UUID actionId, ActionKind kind, MacAddress device, QuarantineLevel level,
        RouterBlocklist blocklist, RouterTarget router, boolean verifyOnly, int attempt, Map<String, String> parameters,
        FirmwareImage firmware) {

    DispatchJob(UUID actionId, ActionKind kind, MacAddress device, QuarantineLevel level, RouterBlocklist blocklist,
            RouterTarget router, boolean verifyOnly, int attempt) {
        this(actionId, kind, device, level, blocklist, router, verifyOnly, attempt, Map.of(), null);
    }
}
