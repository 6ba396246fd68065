package io.homeshield.simulator.scenario;

import java.util.SplittableRandom;

/** How busy a household is at each hour of the day, and random waits that follow it. */
final class DailyRhythm {

    static final long SECOND = 1_000;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    /** People at home: asleep at night, some activity in the morning, most in the evening. */
    private static final double[] PEOPLE = { 0.05, 0.02, 0.02, 0.02, 0.02, 0.05, 0.3, 0.7, 0.6, 0.3, 0.3, 0.35,
            0.45, 0.35, 0.3, 0.35, 0.5, 0.7, 0.9, 1.0, 1.0, 0.9, 0.6, 0.25 };

    private DailyRhythm() {
    }

    static int hourOf(long at) {
        return (int) (at % DAY / HOUR);
    }

    static double people(long at) {
        return PEOPLE[hourOf(at)];
    }

    static boolean between(long at, int fromHour, int toHour) {
        int h = hourOf(at);
        return fromHour <= toHour ? h >= fromHour && h < toHour : h >= fromHour || h < toHour;
    }

    /** An exponential wait with the given mean. */
    static long exponential(SplittableRandom random, double meanMillis) {
        return 1 + (long) (-meanMillis * Math.log(1 - random.nextDouble()));
    }

    /** A wait with the given mean, stretched when the household is quiet. */
    static long whenPeopleAre(SplittableRandom random, long now, double meanMillis) {
        return exponential(random, meanMillis / Math.max(0.02, people(now)));
    }

    /** A period with relative jitter, as timers of devices keep it. */
    static long jittered(SplittableRandom random, long periodMillis, double jitter) {
        return Math.round(periodMillis * (1 + jitter * (2 * random.nextDouble() - 1)));
    }

    /** The next time of day at the given hour after {@code now}, plus up to {@code spread} of randomness. */
    static long nextAt(SplittableRandom random, long now, int hour, long spreadMillis) {
        long dayStart = now - now % DAY;
        long at = dayStart + hour * HOUR + (long) (random.nextDouble() * spreadMillis);
        return at > now ? at : at + DAY;
    }
}
