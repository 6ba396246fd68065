package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.telemetry.wire.FlowEvent;

/**
 * Flags password guessing: {@value #MIN_ATTEMPTS} or more short connections from one device to the
 * SSH or telnet service of one internet host within {@value #WINDOW_SECONDS} s. A person logging in
 * opens one connection; a script fetching a few git repositories opens a handful.
 */
@ApplicationScoped
class BruteForceDetector implements Detector {

    static final int MIN_ATTEMPTS = 12;
    static final int WINDOW_SECONDS = 60;
    /** A failed login attempt is over in seconds and moves a few kilobytes. */
    static final long SHORT_MILLIS = 20_000;
    static final long SMALL_BYTES = 20_000;
    private static final long WINDOW_MILLIS = WINDOW_SECONDS * 1000L;
    private static final long REPORT_EVERY_MILLIS = 10 * 60_000L;
    private static final int TARGETS_TRACKED = 8;

    private final DeviceStates<State> states;

    BruteForceDetector() {
        this(DeviceStates.DEFAULT_CAPACITY);
    }

    BruteForceDetector(int maxDevices) {
        states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        State state = null;
        List<FlowEvent> flows = activity.flows();
        for (int i = 0; i < flows.size(); i++) {
            FlowEvent flow = flows.get(i);
            Integer port = flow.dstPort();
            if (port == null || (port != 22 && port != 23 && port != 2323) || !"tcp".equals(flow.protocol())
                    || !isShortAndSmall(flow) || !activity.destinations().isExternal(i)) {
                continue;
            }
            if (state == null) {
                state = states.of(activity, State::new);
            }
            synchronized (state) {
                state.observe(activity, flow, activity.destinations().key(i), findings);
            }
        }
    }

    private static boolean isShortAndSmall(FlowEvent flow) {
        return (flow.durationMs() == null || flow.durationMs() < SHORT_MILLIS)
                && flow.bytesIn() < SMALL_BYTES && flow.bytesOut() < SMALL_BYTES;
    }

    private static final class State {
        private final Target[] targets = new Target[TARGETS_TRACKED];

        void observe(DeviceActivity activity, FlowEvent flow, long destination, Consumer<Finding> findings) {
            long at = flow.start().toEpochMilli();
            Target target = targetOf(destination, flow.dstPort(), at);
            target.attempt(at);
            if (target.attemptsWithinWindow() && at - target.lastReport >= REPORT_EVERY_MILLIS) {
                target.lastReport = at;
                String service = flow.dstPort() == 22 ? "SSH" : "telnet";
                Map<String, Object> evidence = Map.of(
                        "target", flow.dstIp(),
                        "service", service + " (port " + flow.dstPort() + ")",
                        "attempts", MIN_ATTEMPTS + " or more",
                        "window", Math.max(1, (at - target.oldest()) / 1000) + " s");
                findings.accept(new Finding(activity.device(), AlertType.BRUTE_FORCE,
                        service.toLowerCase() + ":" + flow.dstIp(), flow.dstIp(), evidence,
                        Instant.ofEpochMilli(target.oldest()), Instant.ofEpochMilli(at), 1));
            }
        }

        private Target targetOf(long address, int port, long at) {
            int free = -1;
            int stalest = 0;
            for (int i = 0; i < targets.length; i++) {
                Target t = targets[i];
                if (t == null) {
                    free = free < 0 ? i : free;
                } else if (t.address == address && t.port == port) {
                    return t;
                } else if (targets[stalest] != null && t.newest() < targets[stalest].newest()) {
                    stalest = i;
                }
            }
            int slot = free >= 0 ? free : stalest;
            targets[slot] = new Target(address, port);
            return targets[slot];
        }
    }

    /** The start times of the last {@value #MIN_ATTEMPTS} connections to one host's login port. */
    private static final class Target {
        private final long address;
        private final int port;
        private final long[] starts = new long[MIN_ATTEMPTS];
        private int count;
        private int next;
        private long lastReport = EventTime.NEVER;

        Target(long address, int port) {
            this.address = address;
            this.port = port;
        }

        void attempt(long at) {
            starts[next] = at;
            next = (next + 1) % starts.length;
            count = Math.min(count + 1, starts.length);
        }

        boolean attemptsWithinWindow() {
            return count == starts.length && newest() - oldest() <= WINDOW_MILLIS;
        }

        long oldest() {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                min = Math.min(min, starts[i]);
            }
            return min;
        }

        long newest() {
            long max = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                max = Math.max(max, starts[i]);
            }
            return max;
        }
    }
}
