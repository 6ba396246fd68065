package io.homeshield.detection;

import java.util.Arrays;

/**
 * Judges whether check-in times keep a period, robustly: the period is the median interval, the
 * spread the median absolute deviation of the intervals from it, over the period. Medians ignore
 * up to half of the intervals, so a few missed check-ins (double intervals) or extra ones (short
 * intervals) do not hide a jittered beacon. Folding odd intervals onto multiples of the period
 * was tried and rejected: it let random contact times pass as a rhythm.
 */
final class CheckInRhythm {

    /** The period and the spread of the intervals around it (median absolute deviation over period). */
    record Verdict(double periodMillis, double spread) {
    }

    private CheckInRhythm() {
    }

    /** Judges the first {@code count} intervals; {@code null} when fewer than {@code minIntervals}. */
    static Verdict judge(long[] gaps, int count, int minIntervals) {
        if (count < minIntervals) {
            return null;
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = gaps[i];
        }
        double period = median(values);
        for (int i = 0; i < count; i++) {
            values[i] = Math.abs(gaps[i] - period);
        }
        return new Verdict(period, median(values) / period);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
