package io.homeshield.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used map split into stripes, each with its own lock and its share of the
 * bound, so that callers working on different partitions (routers, devices) seldom wait for one
 * another. A caller picks the stripe of a partition key and holds the stripe's lock while using it:
 * {@code synchronized (stripe) { ... }}.
 */
public final class LruStripes<K, V> {

    private final Map<K, V>[] stripes;

    /** @param count stripes, a power of two */
    @SuppressWarnings("unchecked")
    public LruStripes(int count, int capacity) {
        if (Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two: " + count);
        }
        int perStripe = Math.max(1, capacity / count);
        stripes = new Map[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new Stripe<>(perStripe);
        }
    }

    /** The stripe holding the entries of this partition; lock it while using it. */
    public Map<K, V> stripeOf(Object partition) {
        int h = partition.hashCode();
        return stripes[(h ^ (h >>> 16)) & (stripes.length - 1)];
    }

    public int size() {
        int size = 0;
        for (Map<K, V> stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    private static final class Stripe<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;

        Stripe(int capacity) {
            super(Math.min(capacity, 1024), 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }
}
