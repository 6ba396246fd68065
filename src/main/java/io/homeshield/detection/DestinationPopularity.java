package io.homeshield.detection;

import java.util.UUID;

import jakarta.inject.Singleton;

/**
 * How many of the provider's households contacted a destination lately: what only a provider can
 * know. A destination that few households contact is rare, and rare destinations are where C2
 * servers and exfiltration drops live; a phone backing up photos to a popular cloud is not news.
 *
 * <p>Destinations are networks ({@link AddressBits#network}), since services spread their clients over
 * pools of neighbouring addresses. A {@link GenerationalBitTable} of the households' router bits per
 * destination, remembered for one to two days; collisions can only make a destination look more
 * popular than it is.
 */
@Singleton // called for every event: no client proxy in between
public class DestinationPopularity {

    /** Fewer households than this make a destination rare. */
    static final int RARE_BELOW_HOUSEHOLDS = 3;
    private static final int ROW_BITS = 18;
    private static final int[] HOUSEHOLDS_BY_BITS = householdsByBits();

    private final GenerationalBitTable table = new GenerationalBitTable(ROW_BITS);

    /** The router's bit in a destination's bitmap. */
    static long routerBit(UUID routerId) {
        long h = GenerationalBitTable.mix(routerId.getMostSignificantBits() ^ routerId.getLeastSignificantBits());
        return 1L << (h & 63);
    }

    /** Notes that a household (its router's bit) contacted the destination at {@code at} (epoch ms). */
    void record(long destinationKey, long routerBit, long at) {
        table.set(GenerationalBitTable.mix(destinationKey), routerBit, at);
    }

    /** Roughly how many households contacted the destination in the last one to two days. */
    int households(long destinationKey) {
        return HOUSEHOLDS_BY_BITS[table.bitCount(GenerationalBitTable.mix(destinationKey), -1L)];
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
}
