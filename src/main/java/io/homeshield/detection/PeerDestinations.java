package io.homeshield.detection;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The fleet's crowd knowledge per peer group: which households have devices of the group, and
 * which destination networks those devices contacted, learnt from the telemetry of every
 * household this instance processes. Fixed size whatever the fleet: a {@link GenerationalBitTable}
 * of household bits per (group, destination) pair, as in {@link DestinationPopularity}; collisions
 * can only make a destination look more common among peers, so they cost detections, never false
 * alarms.
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
    /** Stands in for the destination when counting a group's members. */
    private static final long MEMBERS = -1;
    private static final int ROW_BITS = 19;

    private final GenerationalBitTable table = new GenerationalBitTable(ROW_BITS);

    /** Notes that a household (its router's bit) has a device of the group that was active at {@code at}. */
    void member(long group, long routerBit, long at) {
        contacted(group, MEMBERS, routerBit, at);
    }

    /** Notes that a device of the group in the household contacted the destination network at {@code at}. */
    void contacted(long group, long destination, long routerBit, long at) {
        table.set(hash(group, destination), routerBit, at);
    }

    /** Roughly how many other households have devices of the group. */
    int otherMembers(long group, long routerBit) {
        return otherHouseholds(group, MEMBERS, routerBit);
    }

    /** Roughly how many other households' devices of the group contacted the destination in the last day or two. */
    int otherHouseholds(long group, long destination, long routerBit) {
        int bits = table.bitCount(hash(group, destination), ~routerBit);
        return bits >= 63 ? 63 * 5 : (int) Math.round(-63 * Math.log(1 - bits / 63.0));
    }

    /** Whether the tables have watched the fleet long enough to judge by them. */
    boolean warm(long at) {
        long learningSince = table.learningSince();
        return learningSince != Long.MIN_VALUE && at - learningSince >= WARM_UP.toMillis();
    }

    private static long hash(long group, long destination) {
        return GenerationalBitTable.mix(group * 0x9e3779b97f4a7c15L ^ destination);
    }
}
