package io.homeshield.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;

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

    private final Stripe[] stripes = new Stripe[STRIPES];

    AddressNames() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(CAPACITY / STRIPES);
        }
    }

    /** Remembers a batch's names, by address, at once. */
    void rememberAll(UUID routerId, Map<String, String> nameByAddress) {
        Stripe stripe = stripeOf(routerId);
        synchronized (stripe) {
            nameByAddress.forEach((address, name) -> stripe.put(new Key(routerId, address), name));
        }
    }

    String nameOf(UUID routerId, String address) {
        Stripe stripe = stripeOf(routerId);
        synchronized (stripe) {
            return stripe.get(new Key(routerId, address));
        }
    }

    private Stripe stripeOf(UUID routerId) {
        int h = routerId.hashCode();
        return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)];
    }

    private static final class Stripe extends LinkedHashMap<Key, String> {
        private final int capacity;

        Stripe(int capacity) {
            super(1024, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > capacity;
        }
    }
}
