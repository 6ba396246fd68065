package io.homeshield.telemetry;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.homeshield.infra.LruStripes;

/**
 * Remembers which name a router's devices last looked up for an address, so a connection reported
 * in a later batch than its lookup is still shown by name. Bounded: the least recently used
 * addresses are forgotten first. Routers are spread over stripes with a lock and a bound each, so
 * batches of different routers seldom wait for one another.
 */
@Singleton // called for every event: no client proxy in between
class AddressNames {

    private static final int CAPACITY = 200_000;
    private static final int STRIPES = 16;

    private record Key(UUID routerId, String address) {
    }

    private final LruStripes<Key, String> names = new LruStripes<>(STRIPES, CAPACITY);

    /** Remembers a batch's names, by address, at once. */
    void rememberAll(UUID routerId, Map<String, String> nameByAddress) {
        Map<Key, String> stripe = names.stripeOf(routerId);
        synchronized (stripe) {
            nameByAddress.forEach((address, name) -> stripe.put(new Key(routerId, address), name));
        }
    }

    String nameOf(UUID routerId, String address) {
        Map<Key, String> stripe = names.stripeOf(routerId);
        synchronized (stripe) {
            return stripe.get(new Key(routerId, address));
        }
    }
}
