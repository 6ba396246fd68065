package io.homeshield.simulator.scenario;

import java.util.SplittableRandom;

/** Something a device does from time to time: it emits its traffic and says when it happens next. */
final class Activity implements Comparable<Activity> {

    static final long NEVER = Long.MAX_VALUE;

    interface Step {
        /** Emits what happens at {@code now}; returns when it happens next, or {@link #NEVER}. */
        long fire(long now, SplittableRandom random);
    }

    private final Step step;
    long next;

    Activity(long first, Step step) {
        this.next = first;
        this.step = step;
    }

    long fire(SplittableRandom random) {
        return next = step.fire(next, random);
    }

    @Override
    public int compareTo(Activity other) {
        return Long.compare(next, other.next);
    }
}
