package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.wire.FlowEvent;

/**
 * Flags a device that scans, inside the home or out: within a window, it fans out to many internet
 * addresses on the ports IoT malware attacks (telnet, SSH, TR-069, ADB, router exploits,
 * alternative HTTP), or to many internet addresses on any one TCP port without answer; it sweeps
 * the home's own network (ping or TCP to many LAN addresses), the lateral movement of a worm; or it
 * tries many ports of one host without answer (a vertical scan). A SYN whose sequence number
 * equals its target's IPv4 address is Mirai's own fingerprint: {@value #MIN_FINGERPRINTED} of them
 * suffice.
 */
@ApplicationScoped
class ScanningDetector implements FlowDetector {

    private static final long MAX_SYN_BYTES = 100;

    static final int MIN_FINGERPRINTED = 2;
    private static final long REPORT_EVERY_MILLIS = 10 * 60_000L;
    /** Per device: four windows of at most this many addresses (or address and port pairs) each. */
    static final int CAPACITY = 64;

    private final BehaviourThresholds.Scanning thresholds;
    private final DeviceStates<State> states;

    @Inject
    ScanningDetector(BehaviourThresholds thresholds) {
        this(thresholds, DeviceStates.DEFAULT_CAPACITY);
    }

    ScanningDetector(BehaviourThresholds thresholds, int maxDevices) {
        this.thresholds = thresholds.scanning();
        states = new DeviceStates<>(maxDevices);
    }

    /**
     * Whether nothing, or a lone reset, came back. Flow exporters report each direction separately and
     * only the device's side reaches detection (no packets in at all); such a record still shows an
     * answer when the device sent data, which a TCP client does only once the handshake was answered:
     * unanswered SYNs are 40 to 80 bytes each.
     */
    static boolean unanswered(FlowEvent flow) {
        if (flow.packetsIn() > 1) {
            return false;
        }
        boolean deviceSideOnly = flow.packetsIn() == 0 && flow.bytesIn() == 0;
        return !(deviceSideOnly && flow.packetsOut() > 0 && flow.bytesOut() / flow.packetsOut() > MAX_SYN_BYTES);
    }

    @Override
    public void inspectFlows(DeviceActivity activity, List<FlowEvent> flows, Consumer<Finding> findings) {
        State state = null;
        for (int i = 0; i < flows.size(); i++) {
            FlowEvent flow = flows.get(i);
            boolean tcp = "tcp".equals(flow.protocol());
            boolean external = activity.destinations().isExternal(i);
            long v4 = activity.destinations().ipv4(i);
            boolean lan = !external && isLanHost(v4);
            boolean unanswered = tcp && flow.dstPort() != null && unanswered(flow);
            boolean scanPort = tcp && external && flow.dstPort() != null && ScanPort.isScanned(flow.dstPort());
            boolean lanProbe = lan && (tcp || "icmp".equals(flow.protocol()));
            if (!scanPort && !lanProbe && !unanswered) {
                continue;
            }
            if (state == null) {
                state = states.of(activity, () -> new State(thresholds.window().toMillis()));
            }
            synchronized (state) {
                long key = activity.destinations().key(i);
                long at = flow.start().toEpochMilli();
                if (scanPort) {
                    state.scanPortTarget(activity, flow, key, at, thresholds, findings);
                }
                if (lanProbe) {
                    state.lanTarget(activity, flow, key, at, thresholds, findings);
                }
                if (unanswered && !scanPort) {
                    state.unanswered(activity, flow, key, external, at, thresholds, findings);
                }
            }
        }
    }

    /** A private IPv4 address of a host: not a network's or broadcast address. */
    static boolean isLanHost(long v4) {
        if (v4 < 0) {
            return false;
        }
        int a = (int) (v4 >>> 24);
        int b = (int) (v4 >>> 16) & 0xff;
        int last = (int) v4 & 0xff;
        boolean isPrivate = a == 10 || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168);
        return isPrivate && last != 0 && last != 255;
    }

    private static final class State {
        private final long windowMillis;
        private final RecentDistinct targets;
        private final RecentDistinct fingerprinted;
        private final RecentDistinct lanHosts;
        private final RecentDistinct unansweredServices;
        private long lastReport = EventTime.NEVER;
        private long lastLanReport = EventTime.NEVER;
        private long lastOtherReport = EventTime.NEVER;

        State(long windowMillis) {
            this.windowMillis = windowMillis;
            targets = new RecentDistinct(CAPACITY, windowMillis);
            fingerprinted = new RecentDistinct(8, 10 * windowMillis);
            lanHosts = new RecentDistinct(CAPACITY, windowMillis);
            unansweredServices = new RecentDistinct(CAPACITY, windowMillis);
        }

        void scanPortTarget(DeviceActivity activity, FlowEvent flow, long key, long at,
                BehaviourThresholds.Scanning limits, Consumer<Finding> findings) {
            int distinct = targets.add(key, at, flow.dstPort());
            Long seq = flow.tcpSeq();
            int fingerprints = fingerprinted.size();
            if (seq != null && seq == AddressBits.ipv4(flow.dstIp())) {
                fingerprints = fingerprinted.add(key, at, flow.dstPort());
            }
            boolean suspicious = distinct >= limits.minTargets() || fingerprints >= MIN_FINGERPRINTED;
            if (suspicious && at - lastReport >= REPORT_EVERY_MILLIS) {
                lastReport = at;
                findings.accept(finding(activity, at, fingerprints));
            }
        }

        void lanTarget(DeviceActivity activity, FlowEvent flow, long key, long at, BehaviourThresholds.Scanning limits,
                Consumer<Finding> findings) {
            int distinct = lanHosts.add(key, at, "icmp".equals(flow.protocol()) ? -1 : flow.dstPort());
            if (distinct >= limits.minLanTargets() && at - lastLanReport >= REPORT_EVERY_MILLIS) {
                lastLanReport = at;
                boolean ping = lanHosts.countTagged(-1) * 2 >= distinct;
                Map<String, Object> evidence = evidence(ping ? "ping (ICMP echo)" : "TCP", ports(lanHosts), distinct,
                        examples(lanHosts));
                findings.accept(new Finding(activity.device(), AlertType.SCANNING, "scan:lan",
                        "the home network", evidence, Instant.ofEpochMilli(lanHosts.earliest(at)),
                        Instant.ofEpochMilli(at), 1));
            }
        }

        /** Unanswered TCP: many addresses on one port (horizontal) or many ports on one address (vertical). */
        void unanswered(DeviceActivity activity, FlowEvent flow, long key, boolean external, long at,
                BehaviourThresholds.Scanning limits, Consumer<Finding> findings) {
            int port = flow.dstPort();
            unansweredServices.add(key * 65_536 + port, at, port);
            int hosts = external ? unansweredServices.countTagged(port) : 0;
            int ports = portsOf(key);
            if (at - lastOtherReport < REPORT_EVERY_MILLIS) {
                return;
            }
            if (hosts >= limits.minTargets()) {
                lastOtherReport = at;
                Map<String, Object> evidence = evidence("TCP port " + port + ", unanswered", "[" + port + "]", hosts,
                        examples(unansweredServices, port));
                findings.accept(new Finding(activity.device(), AlertType.SCANNING, "scan:port-" + port,
                        "port " + port, evidence, Instant.ofEpochMilli(unansweredServices.earliest(at)),
                        Instant.ofEpochMilli(at), 1));
            } else if (ports >= limits.minPorts()) {
                lastOtherReport = at;
                Map<String, Object> evidence = evidence(ports + " ports of " + flow.dstIp() + ", unanswered",
                        ports + " distinct ports", 1, flow.dstIp());
                findings.accept(new Finding(activity.device(), AlertType.SCANNING, "scan:ports:" + flow.dstIp(),
                        "ports of " + flow.dstIp(), evidence, Instant.ofEpochMilli(unansweredServices.earliest(at)),
                        Instant.ofEpochMilli(at), 1));
            }
        }

        private Map<String, Object> evidence(String service, String ports, int distinct, String examples) {
            return Map.of(
                    "service", service,
                    "ports", ports,
                    "distinctTargets", distinct,
                    "window", windowMillis / 1000 + " s",
                    "miraiFingerprint", "not seen",
                    "examples", examples);
        }

        private static String ports(RecentDistinct window) {
            TreeSet<Integer> ports = new TreeSet<>();
            for (int i = 0; i < window.size(); i++) {
                if (window.tagAt(i) >= 0) {
                    ports.add(window.tagAt(i));
                }
            }
            return ports.toString();
        }

        /** Up to five addresses contacted on the port, from keys of address and port. */
        private static String examples(RecentDistinct window, int port) {
            StringBuilder out = new StringBuilder();
            for (int i = 0, n = 0; i < window.size() && n < 5; i++) {
                if (window.tagAt(i) == port) {
                    out.append(n++ == 0 ? "" : ", ").append(describe(window.keyAt(i) >>> 16));
                }
            }
            return out.toString();
        }

        private int portsOf(long key) {
            int n = 0;
            for (int i = 0; i < unansweredServices.size(); i++) {
                if (unansweredServices.keyAt(i) >>> 16 == key) {
                    n++;
                }
            }
            return n;
        }

        private static String examples(RecentDistinct window) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Math.min(5, window.size()); i++) {
                out.append(i == 0 ? "" : ", ").append(describe(window.keyAt(i)));
            }
            return out.toString();
        }

        private Finding finding(DeviceActivity activity, long at, int fingerprints) {
            ScanPort.Service service = dominantService();
            TreeSet<Integer> ports = new TreeSet<>();
            StringBuilder examples = new StringBuilder();
            for (int i = 0; i < targets.size(); i++) {
                ports.add(targets.tagAt(i));
                if (i < 5) {
                    examples.append(i == 0 ? "" : ", ").append(describe(targets.keyAt(i)));
                }
            }
            Map<String, Object> evidence = Map.of(
                    "service", service.label(),
                    "ports", ports.toString(),
                    "distinctTargets", targets.size(),
                    "window", windowMillis / 1000 + " s",
                    "miraiFingerprint", fingerprints >= MIN_FINGERPRINTED
                            ? fingerprints + " connections whose TCP sequence number equals the target address"
                            : "not seen",
                    "examples", examples.toString());
            long first = Math.min(targets.earliest(at), fingerprinted.earliest(at));
            return new Finding(activity.device(), AlertType.SCANNING, "scan:" + service.key(), service.label(),
                    evidence, Instant.ofEpochMilli(first), Instant.ofEpochMilli(at), 1);
        }

        private ScanPort.Service dominantService() {
            ScanPort.Service best = ScanPort.Service.TELNET;
            int bestCount = -1;
            for (ScanPort.Service service : ScanPort.Service.values()) {
                int count = 0;
                for (int i = 0; i < targets.size(); i++) {
                    if (ScanPort.serviceOf(targets.tagAt(i)) == service) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    best = service;
                    bestCount = count;
                }
            }
            return best;
        }

        private static String describe(long key) {
            return key <= 0xffffffffL ? AddressBits.v4Text(key) : "an IPv6 address";
        }
    }
}
