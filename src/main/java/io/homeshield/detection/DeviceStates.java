package io.homeshield.detection;

import java.util.Map;
import java.util.function.Supplier;

import io.homeshield.infra.LruStripes;

/**
 * A detector's per-device state, bounded: at most {@code capacity} devices, the least recently
 * active dropped first (a dropped device starts learning again). Striped so that batches of
 * different routers rarely wait on each other; a state object itself is used by one batch at a
 * time, since a router's batches are processed one after the other.
 */
final class DeviceStates<S> {

    static final int DEFAULT_CAPACITY = 100_000;
    private static final int STRIPES = 64;

    private final LruStripes<DeviceKey, S> states;

    DeviceStates(int capacity) {
        states = new LruStripes<>(STRIPES, capacity);
    }

    DeviceStates() {
        this(DEFAULT_CAPACITY);
    }

    S of(DeviceActivity activity, Supplier<S> create) {
        DeviceKey key = DeviceKey.of(activity);
        Map<DeviceKey, S> stripe = states.stripeOf(key);
        synchronized (stripe) {
            S state = stripe.get(key);
            if (state == null) {
                state = create.get();
                stripe.put(key, state);
            }
            return state;
        }
    }

    int size() {
        return states.size();
    }
}
