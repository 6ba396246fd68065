package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.telemetry.wire.FlowEvent;

/**
 * Flags command-and-control check-ins: a device contacting one rare destination (few households
 * of the fleet contact it) at a steady rhythm, {@value #MIN_INTERVALS} intervals in a row whose mean
 * absolute deviation stays within {@value #MAX_JITTER_PERCENT}% of their mean. Connections less than
 * a second apart are one contact. Popular services' keepalives are never tracked, nor are long or
 * bulky connections.
 */
@ApplicationScoped
class BeaconingDetector implements Detector {

    static final int MIN_INTERVALS = 8;
    static final int MAX_JITTER_PERCENT = 10;
    private static final long SAME_CONTACT_MILLIS = 1_000;
    private static final long MAX_CHECK_IN_MILLIS = 5_000;
    private static final long MAX_CHECK_IN_BYTES = 100_000;
    private static final long MAX_INTERVAL_MILLIS = 3_600_000;
    private static final long REPORT_EVERY_MILLIS = 60 * 60_000L;
    private static final int DESTINATIONS_TRACKED = 32;

    private final DestinationPopularity popularity;
    private final DeviceStates<State> states;

    @Inject
    BeaconingDetector(DestinationPopularity popularity) {
        this(popularity, DeviceStates.DEFAULT_CAPACITY);
    }

    BeaconingDetector(DestinationPopularity popularity, int maxDevices) {
        this.popularity = popularity;
        this.states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        State state = null;
        List<FlowEvent> flows = activity.flows();
        FlowDestinations destinations = activity.destinations();
        for (int i = 0; i < flows.size(); i++) {
            FlowEvent flow = flows.get(i);
            // Check-ins are short, small connections; records of a long-lived connection or a transfer,
            // which routers export at a fixed interval, are as regular as a clock and mean nothing.
            if (flow.durationMs() != null && flow.durationMs() > MAX_CHECK_IN_MILLIS
                    || flow.bytesOut() + flow.bytesIn() > MAX_CHECK_IN_BYTES || !destinations.isExternal(i) || !popularity.isRare(destinations.network(i))) {
                continue;
            }
            long destination = destinations.key(i);
            if (state == null) {
                state = states.of(activity, State::new);
            }
            synchronized (state) {
                Rhythm rhythm = state.rhythmOf(destination, flow);
                if (rhythm.contact(flow.start().toEpochMilli())) {
                    report(activity, flow, destination, rhythm, findings);
                }
            }
        }
    }

    private void report(DeviceActivity activity, FlowEvent flow, long destination, Rhythm rhythm,
            Consumer<Finding> findings) {
        int households = popularity.households(AddressBits.network(flow.dstIp()));
        long at = rhythm.lastContact;
        rhythm.lastReport = at;
        String port = (flow.dstPort() == null ? "" : flow.dstPort() + "/") + flow.protocol();
        Map<String, Object> evidence = Map.of(
                "destination", flow.dstIp(),
                "port", port,
                "interval", String.format(Locale.ROOT, "every %.1f s", rhythm.meanMillis / 1000.0),
                "contacts", rhythm.contacts,
                "jitter", String.format(Locale.ROOT, "%.1f%%", 100 * rhythm.jitter),
                "households", households <= 1 ? "only this one" : households + " households");
        findings.accept(new Finding(activity.device(), AlertType.C2_BEACONING, "beacon:" + flow.dstIp() + ":" + port,
                flow.dstIp() + " (" + port + ")", evidence, Instant.ofEpochMilli(rhythm.firstContact),
                Instant.ofEpochMilli(at), 1));
    }

    private static final class State {
        private final Rhythm[] rhythms = new Rhythm[DESTINATIONS_TRACKED];

        Rhythm rhythmOf(long destination, FlowEvent flow) {
            int port = flow.dstPort() == null ? -1 : flow.dstPort();
            int stalest = 0;
            for (int i = 0; i < rhythms.length; i++) {
                Rhythm r = rhythms[i];
                if (r == null) {
                    return rhythms[i] = new Rhythm(destination, port);
                }
                if (r.destination == destination && r.port == port) {
                    return r;
                }
                if (r.lastContact < rhythms[stalest].lastContact) {
                    stalest = i;
                }
            }
            return rhythms[stalest] = new Rhythm(destination, port);
        }
    }

    /** The last intervals between contacts with one destination and port. */
    private static final class Rhythm {
        private final long destination;
        private final int port;
        private final long[] intervals = new long[MIN_INTERVALS];
        private int intervalCount;
        private int next;
        private long firstContact = Long.MIN_VALUE;
        private long lastContact = Long.MIN_VALUE;
        private long lastReport = EventTime.NEVER;
        private int contacts;
        private double meanMillis;
        private double jitter;

        Rhythm(long destination, int port) {
            this.destination = destination;
            this.port = port;
        }

        /** Counts a contact; true when the rhythm has become steady enough to report. */
        boolean contact(long at) {
            if (lastContact == Long.MIN_VALUE) {
                firstContact = lastContact = at;
                contacts = 1;
                return false;
            }
            long gap = at - lastContact;
            if (gap < SAME_CONTACT_MILLIS) {
                return false;
            }
            lastContact = at;
            contacts++;
            if (gap > MAX_INTERVAL_MILLIS) {
                intervalCount = 0;
                firstContact = at;
                contacts = 1;
                return false;
            }
            intervals[next] = gap;
            next = (next + 1) % intervals.length;
            intervalCount = Math.min(intervalCount + 1, intervals.length);
            return intervalCount == intervals.length && steady() && at - lastReport >= REPORT_EVERY_MILLIS;
        }

        private boolean steady() {
            double sum = 0;
            for (long interval : intervals) {
                sum += interval;
            }
            meanMillis = sum / intervals.length;
            double deviation = 0;
            for (long interval : intervals) {
                deviation += Math.abs(interval - meanMillis);
            }
            jitter = deviation / intervals.length / meanMillis;
            return jitter * 100 <= MAX_JITTER_PERCENT;
        }
    }
}
