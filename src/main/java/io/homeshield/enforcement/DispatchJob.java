package io.homeshield.enforcement;

import java.util.UUID;

import io.homeshield.net.MacAddress;

/**
 * A claimed action with everything the adapter call needs, read before the claiming transaction
 * ended: the device and level for a quarantine or release, the router's whole blocklist for a sync.
 */
record DispatchJob(UUID actionId, ActionKind kind, MacAddress device, QuarantineLevel level,
        DomainBlocklist blocklist, RouterTarget router, boolean verifyOnly, int attempt) {
}
