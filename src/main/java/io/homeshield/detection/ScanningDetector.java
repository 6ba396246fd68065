package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.telemetry.wire.FlowEvent;

/**
 * Flags a device that fans out to many internet addresses on the ports IoT malware attacks
 * (telnet, SSH, TR-069, ADB, router exploits, alternative HTTP): {@value #MIN_TARGETS} distinct
 * addresses within {@value #WINDOW_SECONDS} s. A SYN whose sequence number equals its target's
 * IPv4 address is Mirai's own fingerprint: {@value #MIN_FINGERPRINTED} of them suffice.
 */
@ApplicationScoped
class ScanningDetector implements Detector {

    static final int MIN_TARGETS = 20;
    static final int WINDOW_SECONDS = 60;
    static final int MIN_FINGERPRINTED = 2;
    private static final long WINDOW_MILLIS = WINDOW_SECONDS * 1000L;
    private static final long REPORT_EVERY_MILLIS = 10 * 60_000L;
    private static final int CAPACITY = 64;

    private final DeviceStates<State> states;

    ScanningDetector() {
        this(DeviceStates.DEFAULT_CAPACITY);
    }

    ScanningDetector(int maxDevices) {
        states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        State state = null;
        List<FlowEvent> flows = activity.flows();
        for (int i = 0; i < flows.size(); i++) {
            FlowEvent flow = flows.get(i);
            Integer port = flow.dstPort();
            if (port == null || !ScanPort.isScanned(port) || !"tcp".equals(flow.protocol())
                    || !activity.destinations().isExternal(i)) {
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

    private static final class State {
        private final RecentDistinct targets = new RecentDistinct(CAPACITY, WINDOW_MILLIS);
        private final RecentDistinct fingerprinted = new RecentDistinct(8, 10 * WINDOW_MILLIS);
        private long lastReport = EventTime.NEVER;

        void observe(DeviceActivity activity, FlowEvent flow, long key, Consumer<Finding> findings) {
            long at = flow.start().toEpochMilli();
            int distinct = targets.add(key, at, flow.dstPort());
            Long seq = flow.tcpSeq();
            int fingerprints = fingerprinted.size();
            if (seq != null && seq == AddressBits.ipv4(flow.dstIp())) {
                fingerprints = fingerprinted.add(key, at, flow.dstPort());
            }
            boolean suspicious = distinct >= MIN_TARGETS || fingerprints >= MIN_FINGERPRINTED;
            if (suspicious && at - lastReport >= REPORT_EVERY_MILLIS) {
                lastReport = at;
                findings.accept(finding(activity, at, fingerprints));
            }
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
                    "window", WINDOW_SECONDS + " s",
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
