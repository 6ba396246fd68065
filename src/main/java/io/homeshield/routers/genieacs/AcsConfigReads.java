package io.homeshield.routers.genieacs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.detection.RouterSettingChecks;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.ConfigHistory;
import io.homeshield.fleet.CurrentParameter;
import io.homeshield.infra.OncePerCluster;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.inventory.RouterParameterKey;
import io.homeshield.wire.ConfigEvent;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Reads the watched parameters of TR-069 routers from the ACS at an interval: GenieACS keeps each
 * device's last reported values (periodic informs, and "4 VALUE CHANGE" informs for parameters with
 * active notification), so a value that differs from the router's current one is a change, recorded
 * in its configuration history like a change from telemetry or USP. The ACS does not say who made
 * it; its timestamp says when the ACS saw it. GenieACS reads a parameter only when something asks for
 * it, so the {@link WatchPreset} is installed first: it has the ACS read the watched settings in every
 * session, and a change the router made on its own shows by its next inform.
 */
@ApplicationScoped
class AcsConfigReads {

    static final String SOURCE = "unknown";
    private static final int MAX_PATH = 256;
    private static final int MAX_VALUE = 1024;

    private final GenieAcsNbi nbi;
    private final WatchPreset watch;
    private final GenieAcsConfig config;
    private final ConfigHistory history;
    private final RouterSettingChecks checks;
    private final Clock clock;

    AcsConfigReads(GenieAcsConfig config, ObjectMapper json, ConfigHistory history, RouterSettingChecks checks,
            Clock clock) {
        this.nbi = new GenieAcsNbi(config, json);
        this.watch = new WatchPreset(nbi, config);
        this.config = config;
        this.history = history;
        this.checks = checks;
        this.clock = clock;
    }

    @Scheduled(identity = "genieacs.config-reads", every = "${homeshield.genieacs.config-read-interval:15m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = OncePerCluster.class)
    void readRegularly() {
        readAll();
    }

    /** Reads every TR-069 router, a page of devices per ACS query; returns how many changes were found. */
    int readAll() {
        try {
            watch.ensureInstalled();
        } catch (RouterControlException e) {
            Log.warnf("Installing the settings watch in the ACS failed; values may be stale until the next round: %s",
                    e.getMessage());
        }
        int changes = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<Router> page = QuarkusTransaction.requiringNew().call(() -> Router.<Router>find(
                    "channel = ?1 and managementAddress is not null and id > ?2 order by id",
                            ManagementChannel.GENIEACS,
                    from).page(0, config.configReadPage()).list());
            if (page.isEmpty()) {
                return changes;
            }
            try {
                JsonNode documents = nbi.devices(page.stream().map(r -> r.managementAddress.trim()).toList(),
                        String.join(",", config.watchedParameters()));
                changes += QuarkusTransaction.requiringNew().call(() -> take(page, documents));
            } catch (RouterControlException e) {
                Log.warnf("Reading router settings from the ACS failed; next round in %s: %s",
                        config.configReadInterval(), e.getMessage());
                return changes;
            }
            after = page.get(page.size() - 1).id;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    int take(List<Router> routers, JsonNode documents) {
        Map<String, UUID> byDevice = new HashMap<>();
        routers.forEach(r -> byDevice.put(r.managementAddress.trim(), r.id));
        Map<RouterParameterKey, CurrentParameter> current = new HashMap<>();
        CurrentParameter.<CurrentParameter>list("key.routerId in ?1", List.copyOf(byDevice.values()))
                .forEach(p -> current.put(p.key, p));
        Instant now = clock.instant();
        List<ConfigChange> changed = new ArrayList<>();
        List<ConfigChange> firstSeen = new ArrayList<>();
        for (JsonNode document : documents) {
            UUID router = byDevice.get(document.path("_id").asText());
            if (router == null) {
                continue;
            }
            Map<String, AcsValue> values = new HashMap<>();
            flatten(document, "", values);
            values.forEach((path, value) -> {
                CurrentParameter known = current.get(new RouterParameterKey(router, path));
                Instant seen = value.timestamp() == null || value.timestamp().isAfter(now) ? now : value.timestamp();
                if (known == null) {
                    firstSeen.add(new ConfigChange(router, path, null, value.value(), SOURCE, seen, now));
                } else if (!known.value.equals(value.value()) && !seen.isBefore(known.changedAt)) {
                    changed.add(new ConfigChange(router, path, known.value, value.value(), SOURCE, seen, now));
                }
            });
        }
        history.recordFirstSeen(firstSeen);
        history.record(changed);
        for (ConfigChange change : changed) {
            checks.changed(change.routerId,
                    new ConfigEvent(change.path, change.oldValue, change.newValue, change.source,
                    change.changedAt), now);
        }
        return changed.size();
    }

    /** GenieACS nests values as {@code {"_value": …, "_timestamp": …}} under their path's segments. */
    static void flatten(JsonNode node, String path, Map<String, AcsValue> out) {
        if (node.has("_value")) {
            JsonNode value = node.get("_value");
            String text = value.isTextual() ? value.asText() : value.toString();
            if (path.length() <= MAX_PATH) {
                out.put(path, new AcsValue(text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) : text,
                        timestamp(node.path("_timestamp").asText(null))));
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().startsWith("_") && field.getValue().isObject()) {
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
            }
        }
    }

    private static Instant timestamp(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    record AcsValue(String value, Instant timestamp) {
    }
}
