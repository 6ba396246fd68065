package io.homeshield.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.net.IpAddress;
import io.homeshield.wire.FlowEvent;

/**
 * Flags command-and-control check-ins: a device contacting one rare destination (few households
 * of the fleet contact it) at a steady rhythm, from seconds to hours apart. The rhythm is judged
 * robustly ({@link CheckInRhythm}): the spread is the median absolute deviation of the intervals
 * from their median, so beacons with 10-30% jitter are caught and a few missed or extra check-ins
 * do not hide them. Connections
 * less than a second apart are one contact. Popular services' keepalives are never tracked, nor are
 * long or bulky connections, anything inside the home (the router too), or DNS to a well-known
 * resolver, the provider's, one the router is configured with ({@link RouterResolvers}) or the one
 * the device itself uses most ({@link UsualResolvers}).
 */
@ApplicationScoped
class BeaconingDetector implements Detector {

    private static final long SAME_CONTACT_MILLIS = 1_000;
    private static final long MAX_CHECK_IN_MILLIS = 5_000;
    private static final long MAX_CHECK_IN_BYTES = 100_000;
    private static final long REPORT_EVERY_MILLIS = 60 * 60_000L;
    /**
     * Per device: this many destinations, each keeping twice the configured intervals: 32 x 32 x 8 bytes by default.
     */
    static final int DESTINATIONS_TRACKED = 32;

    private final DestinationPopularity popularity;
    private final BehaviourThresholds.Beaconing thresholds;
    private final ResolverAddresses resolvers;
    private final RouterResolvers routerResolvers;
    private final DeviceStates<State> states;

    @Inject
    BeaconingDetector(DestinationPopularity popularity, BehaviourThresholds thresholds, DnsHijackConfig provider,
            RouterResolvers routerResolvers) {
        this(popularity, thresholds, knownResolvers(provider), routerResolvers, DeviceStates.DEFAULT_CAPACITY);
    }

    BeaconingDetector(DestinationPopularity popularity, BehaviourThresholds thresholds, ResolverAddresses resolvers,
            int maxDevices) {
        this(popularity, thresholds, resolvers, new RouterResolvers(), maxDevices);
    }

    BeaconingDetector(DestinationPopularity popularity, BehaviourThresholds thresholds, ResolverAddresses resolvers,
            RouterResolvers routerResolvers, int maxDevices) {
        this.popularity = popularity;
        this.thresholds = thresholds.beaconing();
        this.resolvers = resolvers;
        this.routerResolvers = routerResolvers;
        this.states = new DeviceStates<>(maxDevices);
    }

    /** The public resolvers everyone knows and the provider's own. */
    static ResolverAddresses knownResolvers(DnsHijackConfig provider) {
        return knownResolvers(provider.providerResolvers().orElse(List.of()));
    }

    static ResolverAddresses knownResolvers(List<String> providerResolvers) {
        List<String> entries = new ArrayList<>(BundledText.read("detection/public-resolvers.txt").lines().toList());
        entries.addAll(providerResolvers);
        return new ResolverAddresses(entries);
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        State state = null;
        List<FlowEvent> flows = activity.flows();
        FlowDestinations destinations = activity.destinations();
        for (int i = 0; i < flows.size(); i++) {
            FlowEvent flow = flows.get(i);
            boolean dns = isDns(flow) && destinations.isExternal(i);
            if (dns) {
                if (state == null) {
                    state = states.of(activity, () -> new State(2 * thresholds.minIntervals()));
                }
                synchronized (state) {
                    state.resolvers.count(destinations.key(i));
                }
            }
            // Check-ins are short, small connections; records of a long-lived connection or a transfer,
            // which routers export at a fixed interval, are as regular as a clock and mean nothing.
            if (flow.durationMs() != null && flow.durationMs() > MAX_CHECK_IN_MILLIS
                    || flow.bytesOut() + flow.bytesIn() > MAX_CHECK_IN_BYTES || !destinations.isExternal(i)
                    || !popularity.isRare(destinations.network(i))
                    || dns && isResolver(activity, flow, destinations.key(i), state)) {
                continue;
            }
            long destination = destinations.key(i);
            if (state == null) {
                state = states.of(activity, () -> new State(2 * thresholds.minIntervals()));
            }
            synchronized (state) {
                Rhythm rhythm = state.rhythmOf(destination, flow);
                if (rhythm.contact(flow.start().toEpochMilli(), thresholds)) {
                    report(activity, flow, rhythm, findings);
                }
            }
        }
    }

    private static boolean isDns(FlowEvent flow) {
        Integer port = flow.dstPort();
        return port != null && (port == 53 || port == 853);
    }

    /** A well-known or the provider's resolver, one the router is configured with, or the device's usual one. */
    private boolean isResolver(DeviceActivity activity, FlowEvent flow, long key, State state) {
        if (routerResolvers.isConfigured(activity.routerId(), key)) {
            return true;
        }
        synchronized (state) {
            if (state.resolvers.isUsual(key)) {
                return true;
            }
        }
        return IpAddress.isValid(flow.dstIp()) && resolvers.contains(IpAddress.of(flow.dstIp()));
    }

    private void report(DeviceActivity activity, FlowEvent flow, Rhythm rhythm, Consumer<Finding> findings) {
        int households = popularity.households(AddressBits.network(flow.dstIp()));
        long at = rhythm.lastContact;
        rhythm.lastReport = at;
        String port = (flow.dstPort() == null ? "" : flow.dstPort() + "/") + flow.protocol();
        Map<String, Object> evidence = Map.of(
                "destination", flow.dstIp(),
                "port", port,
                "interval", String.format(Locale.ROOT, "every %.1f s", rhythm.verdict.periodMillis() / 1000.0),
                "contacts", rhythm.contacts,
                "jitter", String.format(Locale.ROOT, "%.1f%%", 100 * rhythm.verdict.spread()),
                "households", households <= 1 ? "only this one" : households + " households");
        findings.accept(new Finding(activity.device(), AlertType.C2_BEACONING, "beacon:" + flow.dstIp() + ":" + port,
                flow.dstIp() + " (" + port + ")", evidence, Instant.ofEpochMilli(rhythm.firstContact),
                Instant.ofEpochMilli(at), 1));
    }

    private static final class State {
        private final UsualResolvers resolvers = new UsualResolvers();
        private final Rhythm[] rhythms = new Rhythm[DESTINATIONS_TRACKED];
        private final int gapsKept;

        State(int gapsKept) {
            this.gapsKept = gapsKept;
        }

        Rhythm rhythmOf(long destination, FlowEvent flow) {
            int port = flow.dstPort() == null ? -1 : flow.dstPort();
            int stalest = 0;
            for (int i = 0; i < rhythms.length; i++) {
                Rhythm r = rhythms[i];
                if (r == null) {
                    return rhythms[i] = new Rhythm(destination, port, gapsKept);
                }
                if (r.destination == destination && r.port == port) {
                    return r;
                }
                if (r.lastContact < rhythms[stalest].lastContact) {
                    stalest = i;
                }
            }
            return rhythms[stalest] = new Rhythm(destination, port, gapsKept);
        }
    }

    /** The last intervals between contacts with one destination and port, oldest first. */
    private static final class Rhythm {
        private final long destination;
        private final int port;
        private final long[] gaps;
        private int gapCount;
        private long firstContact = Long.MIN_VALUE;
        private long lastContact = Long.MIN_VALUE;
        private long lastReport = EventTime.NEVER;
        private int contacts;
        private CheckInRhythm.Verdict verdict;

        Rhythm(long destination, int port, int gapsKept) {
            this.destination = destination;
            this.port = port;
            this.gaps = new long[gapsKept];
        }

        /** Counts a contact; true when the rhythm has become steady enough to report. */
        boolean contact(long at, BehaviourThresholds.Beaconing thresholds) {
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
            if (gap > thresholds.maxInterval().toMillis()) {
                gapCount = 0;
                firstContact = at;
                contacts = 1;
                return false;
            }
            if (gapCount == gaps.length) {
                System.arraycopy(gaps, 1, gaps, 0, gaps.length - 1);
                gapCount--;
            }
            gaps[gapCount++] = gap;
            if (at - lastReport < REPORT_EVERY_MILLIS) {
                return false;
            }
            verdict = CheckInRhythm.judge(gaps, gapCount,
                    Math.min(thresholds.quickIntervals(), thresholds.minIntervals()));
            if (verdict == null) {
                return false;
            }
            // A near-perfect rhythm is convincing sooner; a jittered one needs more intervals to tell it from chance.
            int maxSpread = gapCount >= thresholds.minIntervals() ? thresholds.maxSpreadPercent()
                    : thresholds.quickMaxSpreadPercent();
            return verdict.spread() * 100 <= maxSpread;
        }
    }
}
