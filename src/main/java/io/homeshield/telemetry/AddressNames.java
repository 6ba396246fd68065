package io.homeshield.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;

/**
 * Remembers which name a router's devices last looked up for an address, so a connection reported
 * in a later batch than its lookup is still shown by name. Bounded: the least recently used
 * addresses are forgotten first.
 */
@Singleton // called for every event: no client proxy in between
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

    /** Remembers a batch's names, by address, at once. */
    synchronized void rememberAll(UUID routerId, Map<String, String> nameByAddress) {
        nameByAddress.forEach((address, name) -> names.put(new Key(routerId, address), name));
    }

    synchronized String nameOf(UUID routerId, String address) {
        return names.get(new Key(routerId, address));
    }
}
