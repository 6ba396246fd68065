package io.homeshield.detection;

/** Times in detector state are epoch milliseconds of the events, never of the wall clock. */
final class EventTime {

    /** Long ago enough that any event is later, yet far from overflow when subtracted. */
    static final long NEVER = Long.MIN_VALUE / 4;

    private EventTime() {
    }
}
