package io.homeshield.detection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A detector's per-device state, bounded: at most {@code capacity} devices, the least recently
 * active dropped first (a dropped device starts learning again). Striped so that batches of
 * different routers rarely wait on each other; a state object itself is used by one batch at a
 * time, since a router's batches are processed one after the other.
 */
final class DeviceStates<S> {

    static final int DEFAULT_CAPACITY = 100_000;
    private static final int STRIPES = 64;

    private final Stripe<S>[] stripes;

    @SuppressWarnings("unchecked")
    DeviceStates(int capacity) {
        int perStripe = Math.max(1, capacity / STRIPES);
        stripes = new Stripe[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe<>(perStripe);
        }
    }

    DeviceStates() {
        this(DEFAULT_CAPACITY);
    }

    S of(DeviceActivity activity, Supplier<S> create) {
        DeviceKey key = DeviceKey.of(activity);
        Stripe<S> stripe = stripes[(key.hashCode() & 0x7fffffff) % STRIPES];
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
        int size = 0;
        for (Stripe<S> stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    private static final class Stripe<S> extends LinkedHashMap<DeviceKey, S> {
        private final int capacity;

        Stripe(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<DeviceKey, S> eldest) {
            return size() > capacity;
        }
    }
}
