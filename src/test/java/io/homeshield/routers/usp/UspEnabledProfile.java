package io.homeshield.routers.usp;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application with its USP controller on, on topics of its own on the real broker. */
public class UspEnabledProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return UspTestSettings.fresh(Duration.ofSeconds(2)).asProperties();
    }
}
