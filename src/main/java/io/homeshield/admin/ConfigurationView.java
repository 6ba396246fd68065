package io.homeshield.admin;

import java.util.List;

import io.homeshield.alert.Severity;
import io.homeshield.telemetry.flowexport.FlowExportDrops;

/**
 * The provider's configuration in effect, as the admin's page shows it: what decides how
 * HomeShield behaves, never a password, key or secret (only whether one is set).
 */
public record ConfigurationView(String identityProvider, Intel intel, Channels channels, Enforcement enforcement,
        Ingest ingest, AutoQuarantinePolicy autoQuarantine) {

    public record Intel(List<Feed> feeds, String ownFeedName, String checkInterval, String maxUnreadableShare) {
    }

    public record Feed(String id, String name, String format, String source, boolean enabled, String refresh,
            String expireAfter) {
    }

    /** How quarantines and blocks reach routers: each management channel and how it is reached. */
    public record Channels(boolean uspEnabled, String uspBroker, String uspEndpointId, String genieAcsNbi,
            boolean genieAcsCredentials, int genieAcsModels, String openWrtUser, boolean openWrtCredentialKey) {
    }

    /**
     * @param giveUpAfter how long an action is retried while its router is out of reach
     * @param maxAttempts read-backs of an applied change that does not show before the action fails
     */
    public record Enforcement(String giveUpAfter, int maxAttempts, String backoff, String maxBackoff,
            int parallelism, String reconcileInterval) {
    }

    public record Ingest(int maxEventsPerBatch, String maxBatchBytes, int maxConcurrentBatches, String retryAfter,
            boolean mqttEnabled, String mqttBroker, boolean flowExportEnabled, String flowExportPort,
            FlowExportDrops.Summary flowExportDrops) {

        /** How long the page warns after the flow collector's last drop, as the configuration is written. */
        public String flowExportAlertWindow() {
            return ProviderConfiguration.shown(flowExportDrops.alertWindow());
        }
    }

    /** Households opt in; these severities then quarantine the device fully, until released. */
    public record AutoQuarantinePolicy(List<Severity> severities, long householdsOptedIn, long households) {
    }
}
