package io.homeshield.intel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Listed address ranges of one family, matched by binary search. CIDR ranges are either nested or
 * disjoint, so they flatten into sorted, non-overlapping segments, each naming the most specific
 * range that covers it; a lookup finds the last segment starting at or below the address. IPv4
 * segments also get an index by their first 16 bits, so a lookup searches only the few segments
 * of its own /16 and touches two or three cache lines, not twenty.
 */
final class RangeTable {

    private static final Comparator<Entry> BY_START_THEN_WIDEST = Comparator
            .<Entry, Long>comparing(e -> e.range.high(), Long::compareUnsigned)
            .thenComparing(e -> e.range.low(), Long::compareUnsigned)
            .thenComparingInt(e -> e.range.length());

    static final RangeTable EMPTY = new Builder().build();

    private final long[] startHigh;
    private final long[] startLow;
    /** The range each segment belongs to, or -1 for a gap between ranges. */
    private final int[] segmentRange;
    private final Cidr[] ranges;
    private final short[] feeds;
    /** IPv4 only: segment starts as 32-bit numbers, and per /16 the number of segments starting below it. */
    private final int[] v4Starts;
    private final int[] v4Below;

    private RangeTable(long[] startHigh, long[] startLow, int[] segmentRange, Cidr[] ranges, short[] feeds,
            boolean v4) {
        this.startHigh = startHigh;
        this.startLow = startLow;
        this.segmentRange = segmentRange;
        this.ranges = ranges;
        this.feeds = feeds;
        this.v4Starts = v4 ? new int[startLow.length] : null;
        this.v4Below = v4 ? new int[(1 << 16) + 1] : null;
        if (v4) {
            int segment = 0;
            for (int prefix = 0; prefix <= 1 << 16; prefix++) {
                while (segment < startLow.length && startLow[segment] < (long) prefix << 16) {
                    segment++;
                }
                v4Below[prefix] = segment;
            }
            for (int i = 0; i < startLow.length; i++) {
                v4Starts[i] = (int) startLow[i];
            }
        }
    }

    /** The index of the most specific range holding the IPv4 address (unsigned 32 bits), or -1. */
    int findV4(long address) {
        int prefix = (int) (address >>> 16);
        // the answer is the last segment starting at or below the address: in this /16, or the one before it
        int lo = v4Below[prefix];
        int hi = v4Below[prefix + 1] - 1;
        int found = lo - 1;
        int key = (int) address;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Integer.compareUnsigned(v4Starts[mid], key) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? -1 : segmentRange[found];
    }

    /** The index of the most specific range holding the address, or -1. */
    int find(long high, long low) {
        int lo = 0;
        int hi = startLow.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = Long.compareUnsigned(startHigh[mid], high);
            if (cmp == 0) {
                cmp = Long.compareUnsigned(startLow[mid], low);
            }
            if (cmp <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? -1 : segmentRange[found];
    }

    Cidr range(int index) {
        return ranges[index];
    }

    short feed(int index) {
        return feeds[index];
    }

    int size() {
        return ranges.length;
    }

    int segments() {
        return startLow.length;
    }

    static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        void add(Cidr range, short feed) {
            entries.add(new Entry(range, feed));
        }

        RangeTable build() {
            entries.sort(BY_START_THEN_WIDEST);
            List<Entry> kept = new ArrayList<>(entries.size());
            Segments segments = new Segments(entries.size() * 2);
            int[] stack = new int[130];
            int depth = 0;
            for (Entry entry : entries) {
                if (!kept.isEmpty() && kept.get(kept.size() - 1).range.equals(entry.range)) {
                    continue; // listed by an earlier feed too: the first keeps it
                }
                while (depth > 0 && endsBefore(kept.get(stack[depth - 1]).range, entry.range)) {
                    depth--;
                    segments.after(kept.get(stack[depth]).range, depth > 0 ? stack[depth - 1] : -1);
                }
                kept.add(entry);
                stack[depth++] = kept.size() - 1;
                segments.at(entry.range.high(), entry.range.low(), kept.size() - 1);
            }
            while (depth > 0) {
                depth--;
                segments.after(kept.get(stack[depth]).range, depth > 0 ? stack[depth - 1] : -1);
            }
            Cidr[] ranges = new Cidr[kept.size()];
            short[] feeds = new short[kept.size()];
            for (int i = 0; i < ranges.length; i++) {
                ranges[i] = kept.get(i).range;
                feeds[i] = kept.get(i).feed;
            }
            boolean v4 = kept.isEmpty() || !kept.get(0).range.v6();
            return new RangeTable(Arrays.copyOf(segments.high, segments.size),
                    Arrays.copyOf(segments.low, segments.size), Arrays.copyOf(segments.range, segments.size), ranges,
                    feeds, v4);
        }

        private static boolean endsBefore(Cidr outer, Cidr next) {
            int cmp = Long.compareUnsigned(outer.lastHigh(), next.high());
            return cmp < 0 || cmp == 0 && Long.compareUnsigned(outer.lastLow(), next.low()) < 0;
        }
    }

    private record Entry(Cidr range, short feed) {
    }

    /** Segment starts in ascending order; a later start at the same address replaces the earlier. */
    private static final class Segments {
        long[] high;
        long[] low;
        int[] range;
        int size;

        Segments(int expected) {
            high = new long[Math.max(4, expected)];
            low = new long[high.length];
            range = new int[high.length];
        }

        void at(long startHigh, long startLow, int index) {
            if (size > 0 && high[size - 1] == startHigh && low[size - 1] == startLow) {
                range[size - 1] = index;
                return;
            }
            if (size > 0 && range[size - 1] == index) {
                return;
            }
            if (size == high.length) {
                high = Arrays.copyOf(high, size * 2);
                low = Arrays.copyOf(low, size * 2);
                range = Arrays.copyOf(range, size * 2);
            }
            high[size] = startHigh;
            low[size] = startLow;
            range[size++] = index;
        }

        /** The segment that starts right after {@code ended} and belongs to {@code index}. */
        void after(Cidr ended, int index) {
            long lastHigh = ended.lastHigh();
            long lastLow = ended.lastLow();
            long maxLow = ended.v6() ? -1L : 0xFFFF_FFFFL;
            if ((!ended.v6() || lastHigh == -1L) && lastLow == maxLow) {
                return; // the range runs to the last address: nothing follows
            }
            long nextLow = ended.v6() ? lastLow + 1 : (lastLow + 1) & 0xFFFF_FFFFL;
            long nextHigh = ended.v6() && lastLow == -1L ? lastHigh + 1 : lastHigh;
            at(nextHigh, nextLow, index);
        }
    }
}
