package io.homeshield.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which name a router's devices last looked up for an address, so a connection reported
 * in a later batch than its lookup is still shown by name. Bounded: the least recently used
 * addresses are forgotten first.
 */
@ApplicationScoped
class AddressNames {

    private static final int CAPACITY = 200_000;

    private record Key(UUID routerId, String address) {
    }

    private final Map<Key, String> names = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void remember(UUID routerId, String address, String name) {
        names.put(new Key(routerId, address), name);
    }

    synchronized String nameOf(UUID routerId, String address) {
        return names.get(new Key(routerId, address));
    }
}
