package io.homeshield.infra.outbound;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts requests in flight per host, at most {@code perHost} each, so one slow peer holds only
 * its own slots and never the others'. Hosts without requests in flight are forgotten.
 */
final class HostSlots {

    private final int perHost;
    private final Map<String, Integer> inFlight = new HashMap<>();

    HostSlots(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("a host needs at least one slot");
        }
        this.perHost = perHost;
    }

    synchronized boolean tryTake(String host) {
        int taken = inFlight.getOrDefault(host, 0);
        if (taken >= perHost) {
            return false;
        }
        inFlight.put(host, taken + 1);
        return true;
    }

    synchronized void give(String host) {
        inFlight.computeIfPresent(host, (h, taken) -> taken <= 1 ? null : taken - 1);
    }

    int perHost() {
        return perHost;
    }
}
