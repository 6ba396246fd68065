package io.homeshield.intel.rpz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings for tests outside Quarkus: only the walled garden differs from the defaults. */
record TestRpzConfig(String garden) implements RpzConfig {

    @Override
    public String zoneName() {
        return "homeshield.rpz";
    }

    @Override
    public Optional<String> walledGarden() {
        return Optional.ofNullable(garden);
    }

    @Override
    public Optional<List<String>> allowList() {
        return Optional.empty();
    }

    @Override
    public Optional<List<String>> c2Feeds() {
        return Optional.empty();
    }

    @Override
    public Duration refresh() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Duration ttl() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Duration membershipRefresh() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Map<String, Resolver> resolvers() {
        return Map.of();
    }
}
