package io.homeshield.routers.usp;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Controller settings on the real broker, with topics and endpoint ids of their own, so parallel runs never meet. */
record UspTestSettings(String brokerUrl, String controllerEndpointId, String controllerTopic, String agentTopic,
        Duration requestTimeout) implements UspConfig {

    static final String BROKER = "tcp://127.0.0.1:1883";

    static UspTestSettings fresh(Duration requestTimeout) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return new UspTestSettings(BROKER, "self::homeshield-test-" + run, "homeshield-test/" + run + "/controller",
                "homeshield-test/" + run + "/agent/{endpointId}", requestTimeout);
    }

    /** The same settings as configuration properties, for a Quarkus test profile. */
    Map<String, String> asProperties() {
        return Map.of("homeshield.usp.enabled", "true",
                "homeshield.usp.broker-url", brokerUrl,
                "homeshield.usp.controller-endpoint-id", controllerEndpointId,
                "homeshield.usp.controller-topic", controllerTopic,
                "homeshield.usp.agent-topic", agentTopic,
                "homeshield.usp.request-timeout", requestTimeout.toMillis() + "ms");
    }

    /** A fresh agent endpoint id in the OUI-serial form of a CPE. */
    static String agentEndpointId() {
        return "os::00256D-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** A controller with these settings, keeping what it learns of agents in memory. */
    UspController controller(AgentNotifications notifications, AgentStore store) {
        return new UspController(this, notifications, store, new SimpleMeterRegistry());
    }

    UspTestAgent agent(String endpointId) {
        return new UspTestAgent(brokerUrl, endpointId, agentTopic.replace("{endpointId}", endpointId),
                controllerEndpointId, controllerTopic);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Optional<String> username() {
        return Optional.empty();
    }

    @Override
    public Optional<String> password() {
        return Optional.empty();
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration dnsWatchRecheck() {
        return Duration.ofHours(24);
    }

    @Override
    public int notificationQueue() {
        return 1000;
    }

    @Override
    public int maxRecordBytes() {
        return 262144;
    }

    @Override
    public int dnsWatchPerRun() {
        return 500;
    }
}
