package io.homeshield.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.Router;
import io.homeshield.net.MacAddress;

/**
 * Turns findings into alerts: a new (device, type, dedup key) opens an alert, a known one counts
 * another occurrence. Findings without a device concern the router itself (its settings), and
 * are one alert per router, type and dedup key. One query reads the existing alerts of a whole
 * batch; writes are batched.
 */
@ApplicationScoped
public class AlertRaiser {

    private final ObjectMapper json;
    private final AlertSuppressions suppressions;
    private final Clock clock;

    AlertRaiser(ObjectMapper json, AlertSuppressions suppressions, Clock clock) {
        this.json = json;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /**
     * Raises the findings of the router's own telemetry on the router's devices.
     *
     * @param devices the router's devices by MAC; findings about a MAC not in it are ignored
     *        (so are findings of a pattern the analysts suppressed fleet-wide); findings without
     *        a MAC are about the router
     * @return the alerts opened by this call (new or reopened)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Alert> raise(UUID routerId, Map<MacAddress, Device> devices, List<Finding> findings) {
        return raise(routerId, devices, findings, EvidenceSource.ROUTER).opened();
    }

    /**
     * Raises findings drawn from events of the given source; each alert remembers which sources
     * showed it, so rules that act on their own can ask whether an unauthenticated source stands alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Raised raise(UUID routerId, Map<MacAddress, Device> devices, List<Finding> findings,
            EvidenceSource source) {
        if (findings.isEmpty()) {
            return Raised.NONE;
        }
        Map<Finding.Key, Finding> merged = Finding.merged(findings);
        Set<AlertSuppressions.Pattern> suppressed = suppressions.among(merged.values());
        if (!suppressed.isEmpty()) {
            merged.values().removeIf(f -> suppressed.contains(AlertSuppressions.of(f)));
        }
        Map<AlertKey, Alert> existing = existing(routerId, merged.values(), devices);
        Instant now = clock.instant();
        List<Alert> opened = new ArrayList<>();
        List<Alert> confirmed = new ArrayList<>();
        Router router = null;
        for (Finding finding : merged.values()) {
            Device device = finding.device() == null ? null : devices.get(finding.device());
            if (device == null && finding.device() != null) {
                continue;
            }
            UUID deviceId = device == null ? null : device.id;
            Alert alert = existing.get(new AlertKey(deviceId, finding.type().name(), finding.dedupKey()));
            if (alert == null && device == null) {
                router = router == null ? Router.findById(routerId) : router;
                opened.add(open(router.householdId, routerId, null, finding, now, source));
            } else if (alert == null) {
                opened.add(open(device.householdId, device.routerId, device.id, finding, now, source));
            } else {
                boolean onlyFlowsBefore = alert.onlyFromFlowExport();
                if (count(alert, finding, source)) {
                    opened.add(alert);
                } else if (onlyFlowsBefore && !alert.onlyFromFlowExport() && alert.status.isActive()) {
                    confirmed.add(alert);
                }
            }
        }
        return new Raised(opened, confirmed);
    }

    /**
     * What one call raised.
     *
     * @param opened alerts opened (new or reopened)
     * @param confirmed open alerts that only exported flows had shown and that the router's own
     *        telemetry now shows too
     */
    public record Raised(List<Alert> opened, List<Alert> confirmed) {
        static final Raised NONE = new Raised(List.of(), List.of());
    }

    private Map<AlertKey, Alert> existing(UUID routerId, Iterable<Finding> findings, Map<MacAddress, Device> devices) {
        Set<UUID> deviceIds = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<String> routerKeys = new HashSet<>();
        for (Finding f : findings) {
            Device d = f.device() == null ? null : devices.get(f.device());
            if (d != null) {
                deviceIds.add(d.id);
                keys.add(f.dedupKey());
            } else if (f.device() == null) {
                routerKeys.add(f.dedupKey());
            }
        }
        List<Alert> alerts = new ArrayList<>();
        if (!deviceIds.isEmpty()) {
            alerts.addAll(Alert.list("routerId = ?1 and deviceId in ?2 and dedupKey in ?3", routerId, deviceIds, keys));
        }
        if (!routerKeys.isEmpty()) {
            alerts.addAll(Alert.list("routerId = ?1 and deviceId is null and dedupKey in ?2", routerId, routerKeys));
        }
        return alerts.stream().collect(Collectors.toMap(a -> new AlertKey(a.deviceId, a.type, a.dedupKey), a -> a));
    }

    private Alert open(UUID householdId, UUID routerId, UUID deviceId, Finding finding, Instant now,
            EvidenceSource source) {
        Alert alert = new Alert();
        alert.seenInRouterTelemetry = source == EvidenceSource.ROUTER;
        alert.seenInFlowExport = source == EvidenceSource.FLOW_EXPORT;
        alert.id = UUID.randomUUID();
        alert.householdId = householdId;
        alert.routerId = routerId;
        alert.deviceId = deviceId;
        alert.type = finding.type().name();
        alert.severity = finding.type().severity();
        alert.status = AlertStatus.OPEN;
        alert.dedupKey = finding.dedupKey();
        alert.indicator = finding.indicator();
        alert.evidence = toJson(finding.evidence());
        alert.occurrences = finding.occurrences();
        alert.firstSeen = finding.firstSeen();
        alert.lastSeen = finding.lastSeen();
        alert.createdAt = now;
        alert.persist();
        return alert;
    }

    /** Counts the finding on the alert; returns whether a resolved alert came back. */
    private static boolean count(Alert alert, Finding finding, EvidenceSource source) {
        alert.occurrences += finding.occurrences();
        if (source == EvidenceSource.ROUTER) {
            alert.seenInRouterTelemetry = true;
        } else {
            alert.seenInFlowExport = true;
        }
        if (finding.lastSeen().isAfter(alert.lastSeen)) {
            alert.lastSeen = finding.lastSeen();
        }
        if (finding.firstSeen().isBefore(alert.firstSeen)) {
            alert.firstSeen = finding.firstSeen();
        }
        if (alert.status == AlertStatus.RESOLVED) {
            alert.status = AlertStatus.OPEN;
            return true;
        }
        return false;
    }

    private String toJson(Map<String, Object> evidence) {
        try {
            return json.writeValueAsString(new TreeMap<>(evidence));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("evidence is not serialisable", e);
        }
    }

    private record AlertKey(UUID deviceId, String type, String dedupKey) {
    }
}
