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
 * Flags a device that contacts a destination no device of its make and type in the provider's
 * other households contacts: a camera that suddenly talks to a server none of the thousands of
 * cameras like it ever talk to has probably been taken over. Judges only
 * <ul>
 * <li>once the fleet's tables are warm ({@link PeerDestinations#WARM_UP}),</li>
 * <li>in peer groups with devices in at least {@value #MIN_PEER_HOUSEHOLDS} other households, so
 * rare products are left alone,</li>
 * <li>devices that behave like their group, having contacted a destination that at least
 * {@value #MIN_PEER_HOUSEHOLDS} other households' peers contact too (a product with a cloud of its
 * own, hidden in a big group, never does),</li>
 * <li>destinations few households of the whole fleet contact (fewer than
 * {@value #POPULAR_HOUSEHOLDS}): mainstream services are not news.</li>
 * </ul>
 * One report per device every {@value #REPORT_EVERY_HOURS} hours, so that a device contacting
 * thousands of strangers (a scanner) is one alert, not thousands.
 */
@ApplicationScoped
class PeerAnomalyDetector implements FlowDetector {

    static final int MIN_PEER_HOUSEHOLDS = 5;
    static final int POPULAR_HOUSEHOLDS = 16;
    static final int REPORT_EVERY_HOURS = 6;
    private static final long REPORT_EVERY_MILLIS = REPORT_EVERY_HOURS * 3_600_000L;
    /** A device counts as behaving like its group for a day after it last did. */
    private static final long CONFORMS_FOR_MILLIS = 24 * 3_600_000L;

    private final PeerGroups groups;
    private final PeerDestinations peers;
    private final DestinationPopularity popularity;
    private final DeviceStates<State> states;

    @Inject
    PeerAnomalyDetector(PeerGroups groups, PeerDestinations peers, DestinationPopularity popularity) {
        this(groups, peers, popularity, DeviceStates.DEFAULT_CAPACITY);
    }

    PeerAnomalyDetector(PeerGroups groups, PeerDestinations peers, DestinationPopularity popularity, int maxDevices) {
        this.groups = groups;
        this.peers = peers;
        this.popularity = popularity;
        this.states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspectFlows(DeviceActivity activity, List<FlowEvent> flows, Consumer<Finding> findings) {
        PeerGroup group = groups.of(activity.device());
        if (group == null) {
            return;
        }
        long key = group.key();
        long household = DestinationPopularity.routerBit(activity.routerId());
        peers.member(key, household, activity.reportedAt().toEpochMilli());
        FlowDestinations destinations = activity.destinations();
        for (int i = 0; i < flows.size(); i++) {
            if (destinations.isExternal(i)) {
                peers.contacted(key, destinations.network(i), household, flows.get(i).start().toEpochMilli());
            }
        }
        long now = activity.reportedAt().toEpochMilli();
        if (!peers.warm(now)) {
            return;
        }
        int peerHouseholds = peers.otherMembers(key, household);
        if (peerHouseholds < MIN_PEER_HOUSEHOLDS) {
            return;
        }
        State state = states.of(activity, State::new);
        synchronized (state) {
            FlowEvent stranger = null;
            for (int i = 0; i < flows.size(); i++) {
                if (!destinations.isExternal(i)) {
                    continue;
                }
                FlowEvent flow = flows.get(i);
                long network = destinations.network(i);
                int shared = peers.otherHouseholds(key, network, household);
                if (shared >= MIN_PEER_HOUSEHOLDS) {
                    state.conformedAt = Math.max(state.conformedAt, flow.start().toEpochMilli());
                } else if (shared == 0 && stranger == null && popularity.households(network) < POPULAR_HOUSEHOLDS) {
                    stranger = flow;
                }
            }
            long at = stranger == null ? 0 : stranger.start().toEpochMilli();
            if (stranger != null && at - state.conformedAt <= CONFORMS_FOR_MILLIS
                    && at - state.lastReport >= REPORT_EVERY_MILLIS) {
                state.lastReport = at;
                findings.accept(finding(activity, stranger, group, peerHouseholds));
            }
        }
    }

    private Finding finding(DeviceActivity activity, FlowEvent flow, PeerGroup group, int peerHouseholds) {
        long network = AddressBits.network(flow.dstIp());
        String port = (flow.dstPort() == null ? "" : flow.dstPort() + "/") + flow.protocol();
        int households = popularity.households(network);
        Map<String, Object> evidence = Map.of(
                "destination", flow.dstIp(),
                "port", port,
                "peerGroup", group.describe(),
                "peerHouseholds", peerHouseholds,
                "households", households <= 1 ? "only this one" : households + " households");
        Instant at = flow.start();
        return new Finding(activity.device(), AlertType.PEER_ANOMALY, "peer:" + networkText(flow.dstIp()),
                flow.dstIp() + " (" + port + ")", evidence, at, at, 1);
    }

    /** The destination's network as a person reads it: 203.0.113.0/24, or the address itself for IPv6. */
    private static String networkText(String ip) {
        long v4 = AddressBits.ipv4(ip);
        return v4 >= 0 ? AddressBits.v4Text(v4 & ~0xffL) + "/24" : ip;
    }

    private static final class State {
        private long conformedAt = EventTime.NEVER;
        private long lastReport = EventTime.NEVER;
    }
}
