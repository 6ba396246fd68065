package io.homeshield.routers.openwrt;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings for adapter tests that build {@link OpenWrtRouterControl} themselves; http only on loopback. */
record TestOpenWrtConfig(Duration requestTimeout, Duration rollbackTimeout) implements OpenWrtConfig {

    static TestOpenWrtConfig standard() {
        return new TestOpenWrtConfig(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @Override
    public String username() {
        return "homeshield";
    }

    @Override
    public Optional<String> credentialKey() {
        return Optional.empty();
    }

    @Override
    public Optional<List<String>> httpNetworks() {
        return Optional.of(List.of("127.0.0.0/8"));
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }

    /** The adapter over loopback http, signing every router in with {@code login}. */
    OpenWrtRouterControl control(java.time.Clock clock, RpcdLogin login) {
        return new OpenWrtRouterControl(this, new com.fasterxml.jackson.databind.ObjectMapper(), clock,
                target -> login, new ManagementTransport(httpNetworks().orElseThrow()));
    }
}
