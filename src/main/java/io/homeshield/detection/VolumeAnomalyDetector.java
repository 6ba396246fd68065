package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.wire.FlowEvent;

/**
 * Flags traffic far beyond what the device usually sends:
 * <ul>
 * <li>an upload spike: within a minute, more to one rare destination (few households use it) than
 * the device's own baseline allows (mean + {@value #SPIKE_DEVIATIONS} standard deviations of its
 * per-minute uploads to rare destinations) and at least {@value #MIN_SPIKE_MB} MB; four times that
 * while the device is still being learnt. Backups to popular clouds never count.</li>
 * <li>a flood: {@value #MIN_FLOOD_PACKETS} packets or more to one destination within a minute, with
 * replies to under {@value #MAX_FLOOD_REPLY_PERCENT}% of them, as in DDoS attacks.</li>
 * </ul>
 */
@ApplicationScoped
class VolumeAnomalyDetector implements FlowDetector {

    static final int SPIKE_DEVIATIONS = 10;
    static final long MIN_SPIKE_MB = 30;
    static final long LEARNING_MILLIS = 6 * 3_600_000L;
    static final long MIN_FLOOD_PACKETS = 30_000;
    static final int MAX_FLOOD_REPLY_PERCENT = 2;
    /** Flows of fewer packets to popular destinations are not worth a window. */
    private static final long FLOOD_CANDIDATE_PACKETS = 500;
    private static final double BASELINE_WEIGHT = 0.01;
    private static final long REPORT_EVERY_MILLIS = 30 * 60_000L;
    private static final int DESTINATIONS_TRACKED = 8;
    private static final long MB = 1_000_000;

    private final DestinationPopularity popularity;
    private final DeviceStates<State> states;

    @Inject
    VolumeAnomalyDetector(DestinationPopularity popularity) {
        this(popularity, DeviceStates.DEFAULT_CAPACITY);
    }

    VolumeAnomalyDetector(DestinationPopularity popularity, int maxDevices) {
        this.popularity = popularity;
        this.states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspectFlows(DeviceActivity activity, List<FlowEvent> flows, Consumer<Finding> findings) {
        State state = states.of(activity, State::new);
        synchronized (state) {
            FlowDestinations destinations = activity.destinations();
            for (int i = 0; i < flows.size(); i++) {
                FlowEvent flow = flows.get(i);
                long at = flow.start().toEpochMilli();
                long destination = destinations.key(i);
                boolean rare = destinations.isExternal(i) && popularity.isRare(destinations.network(i));
                state.countMinute(at, rare ? flow.bytesOut() : 0);
                if (!rare && flow.packetsOut() < FLOOD_CANDIDATE_PACKETS) {
                    continue;
                }
                TrafficWindow window = state.windowOf(destination, flow.dstIp(), at);
                window.add(at, flow.durationMs(), flow.bytesOut(), flow.packetsOut(), flow.packetsIn());
                if (rare) {
                    checkUpload(activity, state, window, at, findings);
                }
                checkFlood(activity, window, at, findings);
            }
        }
    }

    private static void checkUpload(DeviceActivity activity, State state, TrafficWindow window, long at,
            Consumer<Finding> findings) {
        long uploaded = window.bytesOut(at);
        double usual = state.mean + SPIKE_DEVIATIONS * Math.sqrt(Math.max(0,
                state.meanSquare - state.mean * state.mean));
        long floor = at - state.firstSeen < LEARNING_MILLIS ? 4 * MIN_SPIKE_MB * MB : MIN_SPIKE_MB * MB;
        if (uploaded < floor || uploaded < usual || at - window.lastUploadReport < REPORT_EVERY_MILLIS) {
            return;
        }
        window.lastUploadReport = at;
        Map<String, Object> evidence = Map.of(
                "destination", window.address,
                "uploaded", uploaded / MB + " MB",
                "window", TrafficWindow.WINDOW_MILLIS / 1000 + " s",
                "usual", Math.round(state.mean / MB * 10) / 10.0 + " MB a minute to such destinations");
        findings.accept(new Finding(activity.device(), AlertType.UPLOAD_SPIKE, "upload:" + window.address,
                window.address, evidence, Instant.ofEpochMilli(window.firstSeen), Instant.ofEpochMilli(at), 1));
    }

    private static void checkFlood(DeviceActivity activity, TrafficWindow window, long at, Consumer<Finding> findings) {
        long out = window.packetsOut(at);
        long in = window.packetsIn(at);
        if (out < MIN_FLOOD_PACKETS || in * 100 > out * MAX_FLOOD_REPLY_PERCENT
                || at - window.lastFloodReport < REPORT_EVERY_MILLIS) {
            return;
        }
        window.lastFloodReport = at;
        Map<String, Object> evidence = Map.of(
                "target", window.address,
                "packets", out,
                "window", TrafficWindow.WINDOW_MILLIS / 1000 + " s",
                "replies", in);
        findings.accept(new Finding(activity.device(), AlertType.TRAFFIC_FLOOD, "flood:" + window.address,
                window.address, evidence, Instant.ofEpochMilli(window.firstSeen), Instant.ofEpochMilli(at), 1));
    }

    private static final class State {
        private final TrafficWindow[] windows = new TrafficWindow[DESTINATIONS_TRACKED];
        private long firstSeen = Long.MIN_VALUE;
        private long minute = Long.MIN_VALUE;
        private long minuteBytes;
        private double mean;
        private double meanSquare;

        /** Learns the device's per-minute uploads to rare destinations, one active minute at a time. */
        void countMinute(long at, long rareBytes) {
            if (firstSeen == Long.MIN_VALUE) {
                firstSeen = at;
            }
            long m = at / 60_000;
            if (m > minute) {
                if (minute != Long.MIN_VALUE) {
                    mean += BASELINE_WEIGHT * (minuteBytes - mean);
                    meanSquare += BASELINE_WEIGHT * ((double) minuteBytes * minuteBytes - meanSquare);
                }
                minute = m;
                minuteBytes = 0;
            }
            minuteBytes += rareBytes;
        }

        TrafficWindow windowOf(long destination, String address, long at) {
            int stalest = 0;
            for (int i = 0; i < windows.length; i++) {
                TrafficWindow w = windows[i];
                if (w == null) {
                    return windows[i] = new TrafficWindow(destination, address, at);
                }
                if (w.destination == destination) {
                    return w;
                }
                if (w.lastSeen < windows[stalest].lastSeen) {
                    stalest = i;
                }
            }
            return windows[stalest] = new TrafficWindow(destination, address, at);
        }
    }
}
