package io.homeshield.detection;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The fleet's crowd knowledge per peer group: which households have devices of the group, and
 * which destination networks those devices contacted, learnt from the telemetry of every
 * household this instance processes. Fixed size whatever the fleet: each (group, destination)
 * pair hashes to one 64-bit household bitmap in each of two rows, as in
 * {@link DestinationPopularity}; collisions can only make a destination look more common among
 * peers, so they cost detections, never false alarms. Two generations of a day each, rotated by
 * event time.
 *
 * <p>Nothing is stored: after a restart the tables fill again from the stream and judge nothing
 * until they have watched the fleet for {@link #WARM_UP}. With several replicas each one learns
 * from the households of the routers it processes (telemetry is partitioned by router), so its
 * peer groups are a sample of the fleet; the minimum peer group size applies to what it saw.
 */
@ApplicationScoped
class PeerDestinations {

    /** How long the tables learn before anything is judged: a day covers daily and hourly habits. */
    static final Duration WARM_UP = Duration.ofHours(24);
    private static final long GENERATION_MILLIS = Duration.ofHours(24).toMillis();
    /** Stands in for the destination when counting a group's members. */
    private static final long MEMBERS = -1;
    private static final int ROW_BITS = 19;
    private static final int ROW_MASK = (1 << ROW_BITS) - 1;

    private volatile AtomicLongArray current = new AtomicLongArray(2 << ROW_BITS);
    private volatile AtomicLongArray previous = new AtomicLongArray(2 << ROW_BITS);
    private volatile long generationEnd = Long.MIN_VALUE;
    private volatile long learningSince = Long.MIN_VALUE;

    /** Notes that a household (its router's bit) has a device of the group that was active at {@code at}. */
    void member(long group, long routerBit, long at) {
        contacted(group, MEMBERS, routerBit, at);
    }

    /** Notes that a device of the group in the household contacted the destination network at {@code at}. */
    void contacted(long group, long destination, long routerBit, long at) {
        if (at >= generationEnd) {
            rotate(at);
        }
        long h = hash(group, destination);
        AtomicLongArray cells = current;
        set(cells, (int) h & ROW_MASK, routerBit);
        set(cells, (1 << ROW_BITS) + ((int) (h >>> 32) & ROW_MASK), routerBit);
    }

    /** Roughly how many other households have devices of the group. */
    int otherMembers(long group, long routerBit) {
        return otherHouseholds(group, MEMBERS, routerBit);
    }

    /** Roughly how many other households' devices of the group contacted the destination in the last day or two. */
    int otherHouseholds(long group, long destination, long routerBit) {
        long h = hash(group, destination);
        int a = (int) h & ROW_MASK;
        int b = (1 << ROW_BITS) + ((int) (h >>> 32) & ROW_MASK);
        AtomicLongArray cur = current;
        AtomicLongArray prev = previous;
        long others = ~routerBit;
        int bits = Math.min(Long.bitCount((cur.get(a) | prev.get(a)) & others),
                Long.bitCount((cur.get(b) | prev.get(b)) & others));
        return bits >= 63 ? 63 * 5 : (int) Math.round(-63 * Math.log(1 - bits / 63.0));
    }

    /** Whether the tables have watched the fleet long enough to judge by them. */
    boolean warm(long at) {
        return learningSince != Long.MIN_VALUE && at - learningSince >= WARM_UP.toMillis();
    }

    private static void set(AtomicLongArray cells, int i, long bit) {
        long seen = cells.get(i);
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
            previous = new AtomicLongArray(2 << ROW_BITS);
        } else {
            previous = current;
        }
        current = new AtomicLongArray(2 << ROW_BITS);
        generationEnd = (at / GENERATION_MILLIS + 1) * GENERATION_MILLIS;
    }

    private static long hash(long group, long destination) {
        long x = group * 0x9e3779b97f4a7c15L ^ destination;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb33fa6b3ca75L;
        x ^= x >>> 33;
        return x;
    }
}
