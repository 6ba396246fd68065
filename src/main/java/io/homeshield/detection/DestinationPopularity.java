package io.homeshield.detection;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.inject.Singleton;

/**
 * How many of the provider's households contacted a destination lately: what only a provider can
 * know. A destination that few households contact is rare, and rare destinations are where C2
 * servers and exfiltration drops live; a phone backing up photos to a popular cloud is not news.
 *
 * <p>Destinations are networks ({@link AddressBits#network}), since services spread their clients over
 * pools of neighbouring addresses. A sketch of fixed size: each destination hashes to one 64-bit router bitmap in each
 * of two
 * rows (linear counting), the smaller estimate wins. Two generations of a day each, rotated by
 * event time. Collisions can only make a destination look more popular than it is.
 */
@Singleton // called for every event: no client proxy in between
public class DestinationPopularity {

    /** Fewer households than this make a destination rare. */
    static final int RARE_BELOW_HOUSEHOLDS = 3;
    private static final long GENERATION_MILLIS = Duration.ofHours(24).toMillis();
    private static final int ROW_BITS = 18;
    private static final int ROW_MASK = (1 << ROW_BITS) - 1;
    private static final int[] HOUSEHOLDS_BY_BITS = householdsByBits();

    private volatile AtomicLongArray current = new AtomicLongArray(2 << ROW_BITS);
    private volatile AtomicLongArray previous = new AtomicLongArray(2 << ROW_BITS);
    private volatile long generationEnd = Long.MIN_VALUE;

    /** The router's bit in a destination's bitmap. */
    static long routerBit(UUID routerId) {
        long h = mix(routerId.getMostSignificantBits() ^ routerId.getLeastSignificantBits());
        return 1L << (h & 63);
    }

    /** Notes that a household (its router's bit) contacted the destination at {@code at} (epoch ms). */
    void record(long destinationKey, long routerBit, long at) {
        if (at >= generationEnd) {
            rotate(at);
        }
        long h = mix(destinationKey);
        AtomicLongArray cells = current;
        set(cells, (int) h & ROW_MASK, routerBit);
        set(cells, (1 << ROW_BITS) + ((int) (h >>> 32) & ROW_MASK), routerBit);
    }

    /** Roughly how many households contacted the destination in the last one to two days. */
    int households(long destinationKey) {
        long h = mix(destinationKey);
        int a = (int) h & ROW_MASK;
        int b = (1 << ROW_BITS) + ((int) (h >>> 32) & ROW_MASK);
        AtomicLongArray cur = current;
        AtomicLongArray prev = previous;
        int bits = Math.min(Long.bitCount(cur.get(a) | prev.get(a)), Long.bitCount(cur.get(b) | prev.get(b)));
        return HOUSEHOLDS_BY_BITS[bits];
    }

    /** The estimate for each count of bits set, worked out once: detectors ask for every flow. */
    private static int[] householdsByBits() {
        int[] households = new int[65];
        for (int bits = 0; bits < 64; bits++) {
            households[bits] = (int) Math.round(-64 * Math.log(1 - bits / 64.0));
        }
        households[64] = 64 * 5;
        return households;
    }

    boolean isRare(long destinationKey) {
        return households(destinationKey) < RARE_BELOW_HOUSEHOLDS;
    }

    private static void set(AtomicLongArray cells, int i, long bit) {
        long seen = cells.get(i);
        // Mostly read-only once warm: only the first contact of a household writes.
        while ((seen & bit) == 0 && !cells.compareAndSet(i, seen, seen | bit)) {
            seen = cells.get(i);
        }
    }

    private synchronized void rotate(long at) {
        if (at < generationEnd) {
            return;
        }
        if (generationEnd == Long.MIN_VALUE || at >= generationEnd + GENERATION_MILLIS) {
            previous = new AtomicLongArray(2 << ROW_BITS);
        } else {
            previous = current;
        }
        current = new AtomicLongArray(2 << ROW_BITS);
        generationEnd = (at / GENERATION_MILLIS + 1) * GENERATION_MILLIS;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb33fa6b3ca75L;
        x ^= x >>> 33;
        return x;
    }
}
