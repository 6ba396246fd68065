package io.homeshield.telemetry.flowexport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * What the collector had to drop, and why. Every drop is counted in
 * {@code homeshield_flowexport_drops_total{reason}}; the log gets at most one line per
 * {@code drop-log-interval} with the counts of each reason (the first drop after a quiet interval at
 * once, later ones summed up when the interval ends); the admins' configuration page shows the
 * totals and whether drops are recent.
 */
@ApplicationScoped
public class FlowExportDrops {

    /** Why something was dropped; UDP cannot ask an exporter to send it again. */
    public enum Reason {
        /** The kernel dropped datagrams: the socket's receive buffer was full before the collector read them. */
        RECEIVE_BUFFER_FULL("receive-buffer-full",
                "datagrams the kernel dropped because the socket's receive buffer was full"),
        /** The decoding queue was full: datagrams came faster than they were decoded. */
        DATAGRAM_QUEUE_FULL("datagram-queue-full", "datagrams because the decoding queue was full"),
        /** A hand-off lane held as many flows as it may: the pipeline took batches slower than they came. */
        HANDOFF_LANE_FULL("handoff-lane-full", "flows because their hand-off lane was full (the telemetry pipeline "
                + "took batches slower than they came)"),
        /** The pipeline refused a batch (out of its bounds); it will not take it later either. */
        REFUSED("refused", "flows the telemetry pipeline refused");

        private final String tag;
        private final String words;

        Reason(String tag, String words) {
            this.tag = tag;
            this.words = words;
        }

        /** The metric's {@code reason} tag. */
        public String tag() {
            return tag;
        }
    }

    /**
     * This instance's drops since it started, for the admins' page.
     *
     * @param recent whether anything was dropped within the alert window
     */
    public record Summary(Instant countingSince, Map<Reason, Long> totals, Instant lastDrop, Reason lastReason,
            boolean recent, Duration alertWindow) {

        public long count(Reason reason) {
            return totals.getOrDefault(reason, 0L);
        }

        public long datagramsBufferFull() {
            return count(Reason.RECEIVE_BUFFER_FULL);
        }

        public long datagramsQueueFull() {
            return count(Reason.DATAGRAM_QUEUE_FULL);
        }

        public long flowsLaneFull() {
            return count(Reason.HANDOFF_LANE_FULL);
        }

        public long flowsRefused() {
            return count(Reason.REFUSED);
        }

        public boolean any() {
            return lastDrop != null;
        }
    }

    private final FlowExportMetrics metrics;
    private final Clock clock;
    private final long intervalMillis;
    private final Duration alertWindow;
    private final Instant countingSince;
    private final Map<Reason, Long> totals = new EnumMap<>(Reason.class);
    private final Map<Reason, Long> unlogged = new EnumMap<>(Reason.class);
    private long unloggedSince;
    private boolean loggedBefore;
    private long lastLogged;
    private String lastRefusal;
    private Instant lastDrop;
    private Reason lastReason;

    FlowExportDrops(FlowExportMetrics metrics, FlowExportConfig config, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.intervalMillis = config.dropLogInterval().toMillis();
        this.alertWindow = config.dropAlertWindow();
        this.countingSince = clock.instant();
    }

    /** Counts {@code count} datagrams or flows dropped for {@code reason}, and logs if the interval allows. */
    public void dropped(Reason reason, long count) {
        dropped(reason, count, null);
    }

    /** As {@link #dropped(Reason, long)}, with the pipeline's words for a refusal. */
    void dropped(Reason reason, long count, String detail) {
        if (count <= 0) {
            return;
        }
        metrics.dropped(reason.tag(), count);
        long now = clock.millis();
        String line;
        synchronized (this) {
            totals.merge(reason, count, Long::sum);
            if (unlogged.isEmpty()) {
                unloggedSince = now;
            }
            unlogged.merge(reason, count, Long::sum);
            if (detail != null) {
                lastRefusal = detail;
            }
            lastDrop = Instant.ofEpochMilli(now);
            lastReason = reason;
            line = lineIfDue(now);
        }
        if (line != null) {
            Log.warn(line);
        }
    }

    /** Logs drops the interval held back, once it has ended. */
    @Scheduled(every = "${homeshield.telemetry.flow-export.drop-log-check:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void logHeldBack() {
        String line;
        synchronized (this) {
            line = lineIfDue(clock.millis());
        }
        if (line != null) {
            Log.warn(line);
        }
    }

    public synchronized Summary summary() {
        boolean recent = lastDrop != null && lastDrop.isAfter(clock.instant().minus(alertWindow));
        return new Summary(countingSince, Map.copyOf(totals), lastDrop, lastReason, recent, alertWindow);
    }

    private String lineIfDue(long now) {
        if (unlogged.isEmpty() || (loggedBefore && now - lastLogged < intervalMillis)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Reason, Long> entry : unlogged.entrySet()) {
            String part = String.format(Locale.ROOT, "%,d %s", entry.getValue(), entry.getKey().words);
            if (entry.getKey() == Reason.REFUSED && lastRefusal != null) {
                part += " (last: " + lastRefusal + ")";
            }
            parts.add(part);
        }
        long seconds = Math.max(1, (now - unloggedSince + 999) / 1000);
        String line = String.format(Locale.ROOT, "Flow export dropped in the last %d s: %s. Counted in"
                + " homeshield_flowexport_drops_total; logged at most once per %d s", seconds, String.join("; ", parts),
                Math.max(1, intervalMillis / 1000));
        unlogged.clear();
        loggedBefore = true;
        lastLogged = now;
        return line;
    }
}
