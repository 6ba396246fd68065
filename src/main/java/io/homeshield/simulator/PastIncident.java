package io.homeshield.simulator;

import java.time.Duration;

import io.homeshield.net.MacAddress;

/**
 * Something that happened in a demo household during the week before the demo starts: a device looked
 * up a host the threat intelligence lists, its owner isolated it for a while (the quarantine ran out
 * on its own) and later marked the alert resolved.
 *
 * @param device the device that looked the host up
 * @param host a host of the bundled feed
 * @param ago how long before the start it happened
 * @param quarantinedFor how long the owner isolated the device, starting shortly after
 * @param resolvedAfter how long after the lookup the owner resolved the alert
 * @param resolution the owner's words on resolving it
 */
record PastIncident(MacAddress device, String host, Duration ago, Duration quarantinedFor, Duration resolvedAfter,
        String resolution) {
}
