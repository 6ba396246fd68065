package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertRaiser;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.Severity;
import io.homeshield.audit.Actor;
import io.homeshield.household.Household;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * For households that opted in: a high or critical alert quarantines its device at once, through
 * the same path a person's quarantine takes, recorded as the household's automatic rule.
 *
 * <p>Exported flow records come over UDP, and a UDP source address can be forged: an alert that only
 * exported flows showed waits for corroboration before it cuts a device off. It is corroborated when
 * the router's own telemetry (HTTP or MQTT, sent with its credential) shows the same pattern, or
 * shows another threat (medium or worse; a device joining is none) about the same device within
 * {@link EnforcementConfig#corroborationWindow()}.
 * The household sees the alert either way.
 */
@ApplicationScoped
public class AutoQuarantine {

    static final Actor RULE = new Actor("auto-quarantine", "rule");

    /** The alert severities that quarantine a device of a household that opted in. */
    public static final Set<Severity> TRIGGERS = Collections.unmodifiableSet(EnumSet.of(Severity.HIGH,
            Severity.CRITICAL));

    private static final Set<AlertStatus> ACTIVE = EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);

    /** Findings that speak of a threat; a device joining the network (low) corroborates nothing. */
    private static final Set<Severity> CORROBORATING = EnumSet.of(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);

    private final QuarantineService quarantines;
    private final EnforcementConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    AutoQuarantine(QuarantineService quarantines, EnforcementConfig config, MeterRegistry metrics, Clock clock) {
        this.quarantines = quarantines;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Acts on alerts raised from the router's own telemetry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertsOpened(List<Alert> opened) {
        onAlertsRaised(new AlertRaiser.Raised(opened, List.of()));
    }

    /** Acts on the alerts a batch opened, and on flow-only alerts the router's own telemetry now confirms. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertsRaised(AlertRaiser.Raised raised) {
        Map<UUID, List<Alert>> byDevice = new LinkedHashMap<>();
        for (Alert alert : raised.opened()) {
            // An alert about the router's own settings has no device to quarantine.
            if (alert.deviceId != null) {
                byDevice.computeIfAbsent(alert.deviceId, d -> new ArrayList<>()).add(alert);
            }
        }
        for (Alert alert : raised.confirmed()) {
            if (alert.deviceId != null) {
                byDevice.computeIfAbsent(alert.deviceId, d -> new ArrayList<>()).add(alert);
            }
        }
        byDevice.forEach(this::consider);
    }

    private void consider(UUID deviceId, List<Alert> raised) {
        Alert first = raised.get(0);
        Household household = Household.findById(first.householdId);
        if (!household.autoQuarantine || DeviceQuarantine.findById(deviceId) != null) {
            return;
        }
        Alert trigger = null;
        Alert waiting = null;
        for (Alert alert : raised) {
            if (!TRIGGERS.contains(alert.severity)) {
                continue;
            }
            if (!alert.onlyFromFlowExport() || corroborated(alert)) {
                trigger = alert;
                break;
            }
            waiting = waiting == null ? alert : waiting;
        }
        if (trigger == null && raised.stream().anyMatch(a -> !a.onlyFromFlowExport()
                && CORROBORATING.contains(a.severity))) {
            // a finding of the router's own telemetry corroborates a flow-only alert already open on the device
            trigger = earlierFlowOnlyTrigger(deviceId);
        }
        if (trigger == null) {
            if (waiting != null) {
                metrics.counter("homeshield.autoquarantine.awaiting.corroboration").increment();
                Log.infof("Automatic quarantine of device %s waits for corroboration: alert %s was seen only in"
                        + " exported flows", deviceId, waiting.id);
            }
            return;
        }
        quarantines.quarantine(household.householdId(), deviceId, QuarantineLevel.FULL, null, RULE,
                "Automatic: " + trigger.alertType().title().toLowerCase(Locale.ROOT) + " (" + trigger.indicator + ")",
                        null);
    }

    /** Whether the router's own telemetry showed another finding about the alert's device lately. */
    private boolean corroborated(Alert alert) {
        return Alert.count("deviceId = ?1 and id <> ?2 and seenInRouterTelemetry = true and lastSeen >= ?3"
                + " and status in ?4 and severity in ?5", alert.deviceId, alert.id, clock.instant().minus(window()),
                ACTIVE, CORROBORATING) > 0;
    }

    private Alert earlierFlowOnlyTrigger(UUID deviceId) {
        return Alert.<Alert>find("deviceId = ?1 and seenInRouterTelemetry = false and severity in ?2 and status in ?3"
                + " and lastSeen >= ?4 order by lastSeen desc", deviceId, TRIGGERS, ACTIVE,
                clock.instant().minus(window())).firstResult();
    }

    private Duration window() {
        return config.corroborationWindow();
    }
}
