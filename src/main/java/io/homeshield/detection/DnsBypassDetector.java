package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.wire.FlowEvent;

/**
 * Flags a device that starts asking an outside name server directly (DNS on port 53, DNS over TLS
 * or QUIC on 853) instead of the router. Some devices do so by design (a streaming stick with its
 * vendor's resolver built in): the resolvers a device uses in its first {@value #LEARNING_HOURS} hours
 * are its normal, and a device that uses more than {@value #RESOLVERS_LEARNT} is not judged. A new
 * resolver counts after {@value #MIN_QUERIES} queries within {@value #WINDOW_MINUTES} minutes, so a
 * single connectivity probe is not an alert.
 */
@ApplicationScoped
class DnsBypassDetector implements Detector {

    static final int LEARNING_HOURS = 12;
    static final int RESOLVERS_LEARNT = 4;
    static final int MIN_QUERIES = 3;
    static final int WINDOW_MINUTES = 10;
    private static final long LEARNING_MILLIS = LEARNING_HOURS * 3_600_000L;
    private static final long WINDOW_MILLIS = WINDOW_MINUTES * 60_000L;
    private static final long REPORT_EVERY_MILLIS = 6 * 3_600_000L;

    private final DeviceStates<State> states;

    DnsBypassDetector() {
        this(DeviceStates.DEFAULT_CAPACITY);
    }

    DnsBypassDetector(int maxDevices) {
        states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        State state = states.of(activity, State::new);
        synchronized (state) {
            state.seen(activity);
            List<FlowEvent> flows = activity.flows();
            for (int i = 0; i < flows.size(); i++) {
                FlowEvent flow = flows.get(i);
                Integer port = flow.dstPort();
                if (port != null && (port == 53 || port == 853) && !"icmp".equals(flow.protocol())
                        && activity.destinations().isExternal(i)) {
                    state.query(activity, flow, activity.destinations().key(i), findings);
                }
            }
        }
    }

    private static final class State {
        private final long[] learnt = new long[RESOLVERS_LEARNT];
        private int learntCount;
        private boolean usesAnyResolver;
        private long firstSeen = Long.MIN_VALUE;
        private long candidate = -1;
        private int candidateQueries;
        private long candidateSince;
        private long lastReport = EventTime.NEVER;
        private long lastReported = -1;

        void seen(DeviceActivity activity) {
            if (firstSeen != Long.MIN_VALUE) {
                return;
            }
            long earliest = activity.reportedAt().toEpochMilli();
            for (FlowEvent flow : activity.flows()) {
                earliest = Math.min(earliest, flow.start().toEpochMilli());
            }
            for (var lookup : activity.lookups()) {
                earliest = Math.min(earliest, activity.timeOf(lookup).toEpochMilli());
            }
            firstSeen = earliest;
        }

        void query(DeviceActivity activity, FlowEvent flow, long resolver, Consumer<Finding> findings) {
            long at = flow.start().toEpochMilli();
            if (isLearnt(resolver) || usesAnyResolver) {
                return;
            }
            if (at - firstSeen < LEARNING_MILLIS) {
                if (learntCount == learnt.length) {
                    usesAnyResolver = true;
                } else {
                    learnt[learntCount++] = resolver;
                }
                return;
            }
            if (resolver != candidate || at - candidateSince > WINDOW_MILLIS) {
                candidate = resolver;
                candidateQueries = 0;
                candidateSince = at;
            }
            candidateQueries++;
            boolean alreadyReported = resolver == lastReported && at - lastReport < REPORT_EVERY_MILLIS;
            if (candidateQueries >= MIN_QUERIES && !alreadyReported) {
                lastReport = at;
                lastReported = resolver;
                String port = flow.dstPort() == 853 ? "853 (DNS over TLS)" : "53 (DNS)";
                Map<String, Object> evidence = Map.of(
                        "resolver", flow.dstIp(),
                        "port", port,
                        "queries", candidateQueries,
                        "window", Math.max(1, (at - candidateSince) / 1000) + " s");
                findings.accept(new Finding(activity.device(), AlertType.DNS_BYPASS, "resolver:" + flow.dstIp(),
                        flow.dstIp(), evidence, Instant.ofEpochMilli(candidateSince), Instant.ofEpochMilli(at), 1));
            }
        }

        private boolean isLearnt(long resolver) {
            for (int i = 0; i < learntCount; i++) {
                if (learnt[i] == resolver) {
                    return true;
                }
            }
            return false;
        }
    }
}
