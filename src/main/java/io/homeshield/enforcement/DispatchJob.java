package io.homeshield.enforcement;

import java.util.UUID;

import io.homeshield.net.MacAddress;

/** A claimed action with everything the adapter call needs, read before the claiming transaction ended. */
record DispatchJob(UUID actionId, ActionKind kind, MacAddress device, QuarantineLevel level, RouterTarget router,
        boolean verifyOnly, int attempt) {
}
