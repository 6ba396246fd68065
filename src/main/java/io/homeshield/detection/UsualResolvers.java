package io.homeshield.detection;

/**
 * The resolvers one device sends its DNS to (port 53 or 853 on the internet), counted: the one it
 * uses most, and any it uses at least a third as often (a secondary), are its usual resolvers, so
 * a small provider's or a company VPN's resolver asked every few seconds is not a check-in rhythm.
 * Four slots; a new resolver takes the least used slot, and counts are halved when one grows large
 * so that a change of resolver is learnt within a day.
 */
final class UsualResolvers {

    private static final int SLOTS = 4;
    private static final int HALVE_AT = 4_096;

    private final long[] keys = new long[SLOTS];
    private final int[] counts = new int[SLOTS];

    /** Counts one DNS flow to the resolver ({@link AddressBits#key}). */
    void count(long resolver) {
        int slot = -1;
        int leastUsed = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (counts[i] > 0 && keys[i] == resolver) {
                slot = i;
                break;
            }
            if (counts[i] < counts[leastUsed]) {
                leastUsed = i;
            }
        }
        if (slot < 0) {
            slot = leastUsed;
            keys[slot] = resolver;
            counts[slot] = 0;
        }
        if (++counts[slot] >= HALVE_AT) {
            for (int i = 0; i < SLOTS; i++) {
                counts[i] /= 2;
            }
        }
    }

    boolean isUsual(long resolver) {
        int most = 0;
        int own = 0;
        for (int i = 0; i < SLOTS; i++) {
            most = Math.max(most, counts[i]);
            if (counts[i] > 0 && keys[i] == resolver) {
                own = counts[i];
            }
        }
        return own > 0 && 3 * own >= most;
    }
}
