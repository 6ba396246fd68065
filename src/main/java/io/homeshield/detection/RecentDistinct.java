package io.homeshield.detection;

/**
 * Distinct keys seen within a sliding window of event time, with a small tag each (a port, a
 * flag). Fixed capacity: when full, the least recently seen key makes room. Linear scans over a
 * few dozen primitives beat hashing at this size and allocate nothing.
 */
final class RecentDistinct {

    private final long[] keys;
    private final long[] seenAt;
    private final int[] tags;
    private final long windowMillis;
    private int size;

    RecentDistinct(int capacity, long windowMillis) {
        keys = new long[capacity];
        seenAt = new long[capacity];
        tags = new int[capacity];
        this.windowMillis = windowMillis;
    }

    /** Records a key seen at {@code at} (epoch ms) and returns how many distinct keys the window now holds. */
    int add(long key, long at, int tag) {
        expire(at);
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                seenAt[i] = Math.max(seenAt[i], at);
                tags[i] = tag;
                return size;
            }
        }
        int slot = size < keys.length ? size++ : leastRecent();
        keys[slot] = key;
        seenAt[slot] = at;
        tags[slot] = tag;
        return size;
    }

    /** Whether the key is in the window at {@code at}. */
    boolean holds(long key, long at) {
        long cutoff = at - windowMillis;
        for (int i = 0; i < size; i++) {
            if (keys[i] == key && seenAt[i] >= cutoff) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    /** The earliest time a key still in the window was seen, or {@code fallback} when empty. */
    long earliest(long fallback) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, seenAt[i]);
        }
        return size == 0 ? fallback : min;
    }

    long keyAt(int i) {
        return keys[i];
    }

    int tagAt(int i) {
        return tags[i];
    }

    /** How many keys in the window carry this tag. */
    int countTagged(int tag) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (tags[i] == tag) {
                n++;
            }
        }
        return n;
    }

    void clear() {
        size = 0;
    }

    private void expire(long now) {
        long cutoff = now - windowMillis;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (seenAt[i] >= cutoff) {
                keys[kept] = keys[i];
                seenAt[kept] = seenAt[i];
                tags[kept] = tags[i];
                kept++;
            }
        }
        size = kept;
    }

    private int leastRecent() {
        int oldest = 0;
        for (int i = 1; i < size; i++) {
            if (seenAt[i] < seenAt[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }
}
