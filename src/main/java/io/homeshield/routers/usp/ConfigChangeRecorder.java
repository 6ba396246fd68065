package io.homeshield.routers.usp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.detection.RouterSettingChecks;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.ConfigHistory;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.wire.ConfigEvent;
import io.quarkus.logging.Log;

/**
 * Turns agents' ValueChange notifications into the router's configuration history, and checks
 * them like settings reported in telemetry (a router's DNS hijacked). USP does not say who made a
 * change, so the source is "unknown"; the previous value is the last one recorded.
 */
@ApplicationScoped
class ConfigChangeRecorder {

    private static final int MAX_PATH = 256;
    private static final int MAX_VALUE = 1024;

    private final ConfigHistory history;
    private final RouterSettingChecks checks;
    private final Clock clock;

    ConfigChangeRecorder(ConfigHistory history, RouterSettingChecks checks, Clock clock) {
        this.history = history;
        this.checks = checks;
        this.clock = clock;
    }

    @Transactional
    public void valueChanged(String agentEndpointId, String parameterPath, String newValue) {
        Router router = Router.find("channel = ?1 and managementAddress = ?2", ManagementChannel.USP, agentEndpointId)
                .firstResult();
        if (router == null) {
            Log.warnf("Change of %s reported by USP agent %s, which is no registered router", parameterPath,
                    agentEndpointId);
            return;
        }
        String path = clip(parameterPath, MAX_PATH);
        ConfigChange previous = ConfigChange.find("routerId = ?1 and path = ?2 order by changedAt desc", router.id,
                path)
                .firstResult();
        Instant now = clock.instant();
        ConfigChange change = new ConfigChange(router.id, path, previous == null ? null : previous.newValue,
                clip(newValue, MAX_VALUE), "unknown", now, now);
        history.record(List.of(change));
        checks.changed(router.id, new ConfigEvent(change.path, change.oldValue, change.newValue, change.source, now),
                now);
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
