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
import io.homeshield.wire.FlowEvent;

/**
 * Flags password guessing against one service on any port: many short, small connections from
 * one device to one internet host and port. Fast guessing: the configured number of attempts at a
 * login port (SSH, telnet, RDP, ...) within a minute. Slow guessing, on any port: more attempts of
 * similar size within a quarter of an hour; a login port needs half as many. A person logging in
 * opens one connection; a script fetching a few git repositories opens a handful; a web page's
 * connections differ in size.
 */
@ApplicationScoped
class BruteForceDetector implements FlowDetector {

    /** A failed login attempt is over in seconds and moves a few kilobytes. */
    static final long SHORT_MILLIS = 20_000;
    static final long SMALL_BYTES = 20_000;
    private static final long REPORT_EVERY_MILLIS = 10 * 60_000L;
    /** Per device: this many targets, each keeping the last attempts' start and size. */
    static final int TARGETS_TRACKED = 8;

    private final BehaviourThresholds.BruteForce thresholds;
    private final int attemptsKept;
    private final DeviceStates<State> states;

    @Inject
    BruteForceDetector(BehaviourThresholds thresholds) {
        this(thresholds, DeviceStates.DEFAULT_CAPACITY);
    }

    BruteForceDetector(BehaviourThresholds thresholds, int maxDevices) {
        this.thresholds = thresholds.bruteForce();
        this.attemptsKept = Math.max(this.thresholds.minAttempts(), this.thresholds.minSlowAttempts());
        states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspectFlows(DeviceActivity activity, List<FlowEvent> flows, Consumer<Finding> findings) {
        State state = null;
        for (int i = 0; i < flows.size(); i++) {
            FlowEvent flow = flows.get(i);
            if (flow.dstPort() == null || !"tcp".equals(flow.protocol()) || !isShortAndSmall(flow)
                    || !activity.destinations().isExternal(i)) {
                continue;
            }
            if (state == null) {
                state = states.of(activity, () -> new State(attemptsKept));
            }
            synchronized (state) {
                state.observe(activity, flow, activity.destinations().key(i), thresholds, findings);
            }
        }
    }

    private static boolean isShortAndSmall(FlowEvent flow) {
        return (flow.durationMs() == null || flow.durationMs() < SHORT_MILLIS)
                && flow.bytesIn() < SMALL_BYTES && flow.bytesOut() < SMALL_BYTES;
    }

    private static final class State {
        private final Target[] targets = new Target[TARGETS_TRACKED];
        private final int attemptsKept;

        State(int attemptsKept) {
            this.attemptsKept = attemptsKept;
        }

        void observe(DeviceActivity activity, FlowEvent flow, long destination, BehaviourThresholds.BruteForce limits,
                Consumer<Finding> findings) {
            long at = flow.start().toEpochMilli();
            int port = flow.dstPort();
            Target target = targetOf(destination, port);
            target.attempt(at, flow.bytesOut() + flow.bytesIn());
            if (at - target.lastReport < REPORT_EVERY_MILLIS) {
                return;
            }
            String login = LoginPort.serviceOf(port);
            int fast = login == null ? 0 : target.within(limits.minAttempts(), limits.window().toMillis());
            int slowNeeded = login == null ? limits.minSlowAttempts() : Math.max(2, limits.minSlowAttempts() / 2);
            int slow = fast > 0 ? 0 : target.within(slowNeeded, limits.slowWindow().toMillis());
            if (slow > 0 && !target.similarSizes(slowNeeded, limits.maxSizeSpreadPercent())) {
                slow = 0;
            }
            if (fast == 0 && slow == 0) {
                return;
            }
            int attempts = Math.max(fast, slow);
            long first = target.startBack(attempts);
            target.lastReport = at;
            String service = login != null ? login + " (port " + port + ")" : "port " + port;
            Map<String, Object> evidence = Map.of(
                    "target", flow.dstIp(),
                    "service", service,
                    "attempts", attempts + " or more",
                    "window", Math.max(1, (at - first) / 1000) + " s");
            String key = (login != null ? login.toLowerCase(Locale.ROOT).replace(' ', '-') : "port-" + port) + ":"
                    + flow.dstIp();
            findings.accept(new Finding(activity.device(), AlertType.BRUTE_FORCE, key, flow.dstIp(), evidence,
                    Instant.ofEpochMilli(first), Instant.ofEpochMilli(at), 1));
        }

        private Target targetOf(long address, int port) {
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
            if (free >= 0) {
                return targets[free] = new Target(address, port, attemptsKept);
            }
            // Most short connections go to ever new hosts: reuse the stalest target rather than allocate.
            targets[stalest].reset(address, port);
            return targets[stalest];
        }
    }

    /** The start times and sizes of the last attempts to one host's port, in arrival order. */
    private static final class Target {
        private long address;
        private int port;
        private final long[] starts;
        private final long[] sizes;
        private int count;
        private int next;
        private long lastReport = EventTime.NEVER;

        Target(long address, int port, int kept) {
            this.address = address;
            this.port = port;
            this.starts = new long[kept];
            this.sizes = new long[kept];
        }

        void reset(long newAddress, int newPort) {
            address = newAddress;
            port = newPort;
            count = 0;
            next = 0;
            lastReport = EventTime.NEVER;
        }

        void attempt(long at, long size) {
            starts[next] = at;
            sizes[next] = size;
            next = (next + 1) % starts.length;
            count = Math.min(count + 1, starts.length);
        }

        /** {@code n} when the last {@code n} attempts all started within the window, else 0. */
        int within(int n, long windowMillis) {
            if (count < n) {
                return 0;
            }
            long oldest = Long.MAX_VALUE;
            long newest = Long.MIN_VALUE;
            for (int back = 1; back <= n; back++) {
                long start = starts[index(back)];
                oldest = Math.min(oldest, start);
                newest = Math.max(newest, start);
            }
            return newest - oldest <= windowMillis ? n : 0;
        }

        /** Whether the last {@code n} attempts' sizes stay within the spread of their median. */
        boolean similarSizes(int n, int maxSpreadPercent) {
            long[] last = new long[n];
            for (int back = 1; back <= n; back++) {
                last[back - 1] = sizes[index(back)];
            }
            java.util.Arrays.sort(last);
            long median = last[n / 2];
            long[] deviations = new long[n];
            for (int i = 0; i < n; i++) {
                deviations[i] = Math.abs(last[i] - median);
            }
            java.util.Arrays.sort(deviations);
            return deviations[n / 2] * 100 <= (long) maxSpreadPercent * Math.max(1, median);
        }

        long startBack(int n) {
            long oldest = Long.MAX_VALUE;
            for (int back = 1; back <= Math.min(n, count); back++) {
                oldest = Math.min(oldest, starts[index(back)]);
            }
            return oldest;
        }

        long newest() {
            return count == 0 ? Long.MIN_VALUE : starts[index(1)];
        }

        private int index(int back) {
            return Math.floorMod(next - back, starts.length);
        }
    }
}
