package io.homeshield.detection;

import java.util.Arrays;

/**
 * What a device sent to one destination over the last minute, in six buckets of ten seconds of
 * event time. A flow's bytes and packets count at its start; a flow longer than the window counts
 * at its average rate, so a router's long flow records do not pile up into false spikes.
 */
final class TrafficWindow {

    static final long BUCKET_MILLIS = 10_000;
    static final int BUCKETS = 6;
    static final long WINDOW_MILLIS = BUCKET_MILLIS * BUCKETS;

    final long destination;
    final String address;
    private final long[] bucketIds = new long[BUCKETS];
    private final long[] bytesOut = new long[BUCKETS];
    private final long[] packetsOut = new long[BUCKETS];
    private final long[] packetsIn = new long[BUCKETS];
    long lastSeen;
    long firstSeen;
    long lastUploadReport = EventTime.NEVER;
    long lastFloodReport = EventTime.NEVER;

    TrafficWindow(long destination, String address, long at) {
        this.destination = destination;
        this.address = address;
        this.firstSeen = at;
        Arrays.fill(bucketIds, -1);
    }

    void add(long at, Long durationMs, long bytes, long outPackets, long inPackets) {
        double share = durationMs == null || durationMs <= WINDOW_MILLIS ? 1 : WINDOW_MILLIS / (double) durationMs;
        long bucket = at / BUCKET_MILLIS;
        int slot = (int) (bucket % BUCKETS);
        if (bucketIds[slot] != bucket) {
            bucketIds[slot] = bucket;
            bytesOut[slot] = 0;
            packetsOut[slot] = 0;
            packetsIn[slot] = 0;
        }
        bytesOut[slot] += (long) (bytes * share);
        packetsOut[slot] += (long) (outPackets * share);
        packetsIn[slot] += (long) (inPackets * share);
        if (lastSeen < at - WINDOW_MILLIS) {
            firstSeen = at;
        }
        lastSeen = Math.max(lastSeen, at);
    }

    long bytesOut(long now) {
        return sum(bytesOut, now);
    }

    long packetsOut(long now) {
        return sum(packetsOut, now);
    }

    long packetsIn(long now) {
        return sum(packetsIn, now);
    }

    private long sum(long[] values, long now) {
        long newest = now / BUCKET_MILLIS;
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketIds[i] > newest - BUCKETS && bucketIds[i] <= newest) {
                total += values[i];
            }
        }
        return total;
    }
}
