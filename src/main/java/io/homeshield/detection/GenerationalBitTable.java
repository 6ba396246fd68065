package io.homeshield.detection;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which of 64 members (a household's router bit) saw a key lately, in a table of fixed size: each
 * key's hash picks one 64-bit bitmap in each of two rows, and the row with fewer bits set answers
 * (linear counting). Two generations of a day each, rotated by event time, so a key is remembered for
 * one to two days. Collisions can only make a key look more common than it is.
 */
final class GenerationalBitTable {

    static final long GENERATION_MILLIS = Duration.ofHours(24).toMillis();

    private final int rowBits;
    private final int rowMask;
    private volatile AtomicLongArray current;
    private volatile AtomicLongArray previous;
    private volatile long generationEnd = Long.MIN_VALUE;
    private volatile long learningSince = Long.MIN_VALUE;

    /** A table of two rows of {@code 2^rowBits} bitmaps each, per generation. */
    GenerationalBitTable(int rowBits) {
        this.rowBits = rowBits;
        this.rowMask = (1 << rowBits) - 1;
        this.current = new AtomicLongArray(2 << rowBits);
        this.previous = new AtomicLongArray(2 << rowBits);
    }

    /** Notes that the member ({@code bit}) saw the key with this hash at {@code at} (epoch ms, event time). */
    void set(long hash, long bit, long at) {
        if (at >= generationEnd) {
            rotate(at);
        }
        AtomicLongArray cells = current;
        set(cells, firstCell(hash), bit);
        set(cells, secondCell(hash), bit);
    }

    /** How many of the members in {@code members} saw the key in the last one to two days (bits set). */
    int bitCount(long hash, long members) {
        int a = firstCell(hash);
        int b = secondCell(hash);
        AtomicLongArray cur = current;
        AtomicLongArray prev = previous;
        return Math.min(Long.bitCount((cur.get(a) | prev.get(a)) & members),
                Long.bitCount((cur.get(b) | prev.get(b)) & members));
    }

    /** Since when the table has learnt without a gap: the event time it started over at, or {@link Long#MIN_VALUE}. */
    long learningSince() {
        return learningSince;
    }

    /** A 64-bit finaliser (MurmurHash3's), so that neighbouring keys land far apart. */
    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb33fa6b3ca75L;
        x ^= x >>> 33;
        return x;
    }

    private int firstCell(long hash) {
        return (int) hash & rowMask;
    }

    private int secondCell(long hash) {
        return (1 << rowBits) + ((int) (hash >>> 32) & rowMask);
    }

    private static void set(AtomicLongArray cells, int i, long bit) {
        long seen = cells.get(i);
        // Mostly read-only once warm: only the first sighting by a member writes.
        while ((seen & bit) == 0 && !cells.compareAndSet(i, seen, seen | bit)) {
            seen = cells.get(i);
        }
    }

    private synchronized void rotate(long at) {
        if (at < generationEnd) {
            return;
        }
        if (generationEnd == Long.MIN_VALUE || at >= generationEnd + GENERATION_MILLIS) {
            // Nothing learnt or all of it too old: learning starts over.
            learningSince = at;
            previous = new AtomicLongArray(2 << rowBits);
        } else {
            previous = current;
        }
        current = new AtomicLongArray(2 << rowBits);
        generationEnd = (at / GENERATION_MILLIS + 1) * GENERATION_MILLIS;
    }
}
