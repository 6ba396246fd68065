package io.homeshield.admin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.Config;

import io.homeshield.enforcement.AutoQuarantine;
import io.homeshield.enforcement.EnforcementConfig;
import io.homeshield.household.Household;
import io.homeshield.intel.IntelConfig;
import io.homeshield.telemetry.TelemetryConfig;
import io.homeshield.telemetry.flowexport.FlowExportDrops;

/**
 * Reads the configuration in effect for the admins' page. Features' settings come from their own
 * configuration; the router channels' (which web layers do not import) by their keys. Secrets are
 * never read: only whether they are set.
 */
@ApplicationScoped
class ProviderConfiguration {

    private final Config config;
    private final IntelConfig intel;
    private final EnforcementConfig enforcement;
    private final TelemetryConfig telemetry;
    private final FlowExportDrops flowExportDrops;

    ProviderConfiguration(Config config, IntelConfig intel, EnforcementConfig enforcement,
            TelemetryConfig telemetry, FlowExportDrops flowExportDrops) {
        this.config = config;
        this.intel = intel;
        this.enforcement = enforcement;
        this.telemetry = telemetry;
        this.flowExportDrops = flowExportDrops;
    }

    @Transactional
    ConfigurationView current() {
        return new ConfigurationView(ShownSource.of(text("quarkus.oidc.auth-server-url", "")), intel(), channels(),
                new ConfigurationView.Enforcement(shown(enforcement.giveUpAfter()), enforcement.maxAttempts(),
                        shown(enforcement.backoff()),
                        shown(enforcement.maxBackoff()), enforcement.parallelism(),
                        text("homeshield.enforcement.reconcile-interval", "5m")),
                ingest(), autoQuarantine());
    }

    private ConfigurationView.Intel intel() {
        List<ConfigurationView.Feed> feeds = intel.feeds().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> {
                    IntelConfig.Feed feed = entry.getValue();
                    return new ConfigurationView.Feed(entry.getKey(), feed.name().orElse(entry.getKey()),
                            feed.format().name().toLowerCase(Locale.ROOT), ShownSource.of(feed.source()),
                            feed.enabled(), shown(feed.refresh()), feed.expireAfter().map(ProviderConfiguration::shown)
                                    .orElse(null));
                }).toList();
        return new ConfigurationView.Intel(feeds, intel.providerFeedName(), shown(intel.checkInterval()),
                Math.round(intel.maxUnreadableShare() * 100) + " %");
    }

    private ConfigurationView.Channels channels() {
        int models = (int) keys("homeshield.genieacs.models.").stream().filter(key -> key.endsWith(".data-model")
                || key.endsWith(".domain-blocking.parameter")).map(key -> key.substring(0, key.lastIndexOf(".d")))
                .distinct().count();
        return new ConfigurationView.Channels(flag("homeshield.usp.enabled"),
                ShownSource.of(text("homeshield.usp.broker-url", "")),
                text("homeshield.usp.controller-endpoint-id", ""),
                ShownSource.of(text("homeshield.genieacs.nbi-url", "http://127.0.0.1:7557")),
                set("homeshield.genieacs.password"), models, text("homeshield.openwrt.username", "homeshield"),
                set("homeshield.openwrt.credential-key"));
    }

    private ConfigurationView.Ingest ingest() {
        return new ConfigurationView.Ingest(telemetry.maxEventsPerBatch(), bytes(telemetry.maxBatchBytes()),
                telemetry.maxConcurrentBatches(), shown(telemetry.retryAfter()),
                flag("homeshield.telemetry.mqtt.enabled"),
                ShownSource.of(text("homeshield.telemetry.mqtt.broker-url", "")),
                flag("homeshield.telemetry.flow-export.enabled"),
                text("homeshield.telemetry.flow-export.port", "4739"), flowExportDrops.summary());
    }

    private static ConfigurationView.AutoQuarantinePolicy autoQuarantine() {
        return new ConfigurationView.AutoQuarantinePolicy(
                AutoQuarantine.TRIGGERS.stream().sorted().toList(),
                Household.count("autoQuarantine", true), Household.count());
    }

    private String text(String key, String otherwise) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank()).orElse(otherwise);
    }

    private boolean flag(String key) {
        return config.getOptionalValue(key, Boolean.class).orElse(false);
    }

    private boolean set(String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank()).isPresent();
    }

    private List<String> keys(String prefix) {
        return java.util.stream.StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(key -> key.startsWith(prefix)).toList();
    }

    /** 6h, 30s, 2m, 500ms: as the configuration is written. */
    static String shown(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    private static String bytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " B";
    }
}
