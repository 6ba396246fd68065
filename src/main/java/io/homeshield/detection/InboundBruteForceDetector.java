package io.homeshield.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.wire.FlowEvent;

/**
 * Flags password guessing against a service of the device that the router makes reachable from the
 * internet (a port forward): many short, small connections from the internet to one port of the
 * device, from one host or spread over many, as botnets guess slowly from thousands of addresses.
 * Fast: the configured number of attempts at a login port within a minute. Slow, on any port: more
 * attempts of similar size within the inbound window (an hour); a login port needs half as many.
 * Visitors of a web or game server open connections that differ in size; a person reaching a NAS
 * from a phone opens a few. The device is the victim here: only connections others opened to it
 * count, and they never count as the device's own behaviour.
 */
@ApplicationScoped
class InboundBruteForceDetector implements Detector {

    private static final long REPORT_EVERY_MILLIS = 10 * 60_000L;
    /** Per device: this many of its services, each keeping its last attempts. */
    static final int SERVICES_TRACKED = 4;
    private static final int EXAMPLES = 3;

    private final BehaviourThresholds.BruteForce thresholds;
    private final int attemptsKept;
    private final DeviceStates<State> states;

    @Inject
    InboundBruteForceDetector(BehaviourThresholds thresholds) {
        this(thresholds, DeviceStates.DEFAULT_CAPACITY);
    }

    InboundBruteForceDetector(BehaviourThresholds thresholds, int maxDevices) {
        this.thresholds = thresholds.bruteForce();
        this.attemptsKept = Math.max(this.thresholds.inboundMinAttempts(), this.thresholds.inboundMinSlowAttempts());
        states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        List<FlowEvent> inbound = activity.inbound();
        State state = null;
        for (int i = 0; i < inbound.size(); i++) {
            FlowEvent flow = inbound.get(i);
            if (flow.dstPort() == null || !"tcp".equals(flow.protocol()) || !isShortAndSmall(flow)
                    || flow.srcIp() == null || !AddressBits.isExternal(flow.srcIp())) {
                continue;
            }
            if (state == null) {
                state = states.of(activity, () -> new State(attemptsKept));
            }
            synchronized (state) {
                state.observe(activity, flow, thresholds, findings);
            }
        }
    }

    private static boolean isShortAndSmall(FlowEvent flow) {
        return (flow.durationMs() == null || flow.durationMs() < BruteForceDetector.SHORT_MILLIS)
                && flow.bytesIn() < BruteForceDetector.SMALL_BYTES && flow.bytesOut() < BruteForceDetector.SMALL_BYTES;
    }

    /**
     * Whether at least two thirds of a run's attempts lie within the spread of one size: one guessing tool's failed
     * logins are alike, a second tool in the campaign may differ, visitors' requests spread widely.
     */
    static boolean similarSizes(long[] run, int maxSpreadPercent) {
        int n = run.length / 2;
        long[] sizes = Arrays.copyOfRange(run, n, 2 * n);
        Arrays.sort(sizes);
        int needed = (2 * n + 2) / 3;
        for (int low = 0, high = 0; low + needed <= n; low++) {
            high = Math.max(high, low);
            while (high + 1 < n && sizes[high + 1] * (100 - maxSpreadPercent) <= sizes[low] * (100
                    + maxSpreadPercent)) {
                high++;
            }
            if (high - low + 1 >= needed) {
                return true;
            }
        }
        return false;
    }

    private static final class State {
        private final Service[] services = new Service[SERVICES_TRACKED];
        private final int attemptsKept;

        State(int attemptsKept) {
            this.attemptsKept = attemptsKept;
        }

        void observe(DeviceActivity activity, FlowEvent flow, BehaviourThresholds.BruteForce limits,
                Consumer<Finding> findings) {
            long at = flow.start().toEpochMilli();
            int port = flow.dstPort();
            Service service = serviceOf(port);
            service.attempt(at, flow.bytesOut() + flow.bytesIn(), AddressBits.key(flow.srcIp()), flow.srcIp());
            if (at - service.lastReport < REPORT_EVERY_MILLIS) {
                return;
            }
            String login = LoginPort.serviceOf(port);
            int slowNeeded = login == null ? limits.inboundMinSlowAttempts()
                    : Math.max(2, limits.inboundMinSlowAttempts() / 2);
            long[] run = login == null ? null
                    : service.latestRun(limits.inboundMinAttempts(), limits.window().toMillis());
            if (run == null) {
                run = service.latestRun(slowNeeded, limits.inboundSlowWindow().toMillis());
                if (run != null && !similarSizes(run, limits.inboundMaxSizeSpreadPercent())) {
                    run = null;
                }
            }
            if (run == null) {
                return;
            }
            int attempts = run.length / 2;
            long first = run[0];
            long last = run[attempts - 1];
            service.lastReport = at;
            String label = login != null ? login + " (port " + port + ")" : "port " + port;
            Map<String, Object> evidence = Map.of(
                    "service", label,
                    "attempts", attempts + " or more",
                    "sources", service.distinctSources(attempts),
                    "window", Math.max(1, (last - first) / 1000) + " s",
                    "examples", service.examples());
            findings.accept(new Finding(activity.device(), AlertType.INBOUND_BRUTE_FORCE, "inbound:port-" + port, label,
                    evidence, Instant.ofEpochMilli(first), Instant.ofEpochMilli(Math.max(at, last)), 1));
        }

        private Service serviceOf(int port) {
            int free = -1;
            int stalest = 0;
            for (int i = 0; i < services.length; i++) {
                Service s = services[i];
                if (s == null) {
                    free = free < 0 ? i : free;
                } else if (s.port == port) {
                    return s;
                } else if (services[stalest] != null && s.newest() < services[stalest].newest()) {
                    stalest = i;
                }
            }
            if (free >= 0) {
                return services[free] = new Service(port, attemptsKept);
            }
            services[stalest].reset(port);
            return services[stalest];
        }
    }

    /** The start times, sizes and remote hosts of the last attempts at one port of the device, in arrival order. */
    private static final class Service {
        private int port;
        private final long[] starts;
        private final long[] sizes;
        private final long[] sources;
        /** The latest distinct remote hosts as sent, newest first, for the alert's examples. */
        private final String[] latestSources = new String[EXAMPLES];
        private int count;
        private int next;
        private long lastReport = EventTime.NEVER;

        Service(int port, int kept) {
            this.port = port;
            this.starts = new long[kept];
            this.sizes = new long[kept];
            this.sources = new long[kept];
        }

        void reset(int newPort) {
            port = newPort;
            count = 0;
            next = 0;
            lastReport = EventTime.NEVER;
            Arrays.fill(latestSources, null);
        }

        void attempt(long at, long size, long source, String sourceText) {
            if (!sourceText.equals(latestSources[0])) {
                int known = EXAMPLES - 1;
                for (int i = 1; i < EXAMPLES; i++) {
                    if (sourceText.equals(latestSources[i])) {
                        known = i;
                    }
                }
                System.arraycopy(latestSources, 0, latestSources, 1, known);
                latestSources[0] = sourceText;
            }
            starts[next] = at;
            sizes[next] = size;
            sources[next] = source;
            next = (next + 1) % starts.length;
            count = Math.min(count + 1, starts.length);
        }

        /**
         * The latest {@code n} attempts, by start time whatever order they came in (flow export sends connections
         * when they end or idle out, not in the order they began), that started within the window: their starts,
         * then their sizes, in one array; or null if no such run is kept.
         */
        long[] latestRun(int n, long windowMillis) {
            if (count < n) {
                return null;
            }
            long[] byStart = new long[2 * count];
            for (int i = 0; i < count; i++) {
                // insertion by start time: at most a few dozen kept
                long start = starts[i];
                long size = sizes[i];
                int j = i;
                while (j > 0 && byStart[j - 1] > start) {
                    byStart[j] = byStart[j - 1];
                    byStart[count + j] = byStart[count + j - 1];
                    j--;
                }
                byStart[j] = start;
                byStart[count + j] = size;
            }
            for (int end = count - 1; end >= n - 1; end--) {
                if (byStart[end] - byStart[end - n + 1] <= windowMillis) {
                    long[] run = new long[2 * n];
                    System.arraycopy(byStart, end - n + 1, run, 0, n);
                    System.arraycopy(byStart, count + end - n + 1, run, n, n);
                    return run;
                }
            }
            return null;
        }

        int distinctSources(int n) {
            long[] last = new long[Math.min(n, count)];
            for (int back = 1; back <= last.length; back++) {
                last[back - 1] = sources[index(back)];
            }
            return (int) Arrays.stream(last).distinct().count();
        }

        /** The latest remote hosts, newest first. */
        List<String> examples() {
            List<String> out = new ArrayList<>(EXAMPLES);
            for (String source : latestSources) {
                if (source != null) {
                    out.add(source);
                }
            }
            return out;
        }

        long newest() {
            long newest = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                newest = Math.max(newest, starts[i]);
            }
            return newest;
        }

        private int index(int back) {
            return Math.floorMod(next - back, starts.length);
        }
    }
}
