package io.homeshield.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "homeshield.telemetry")
public interface TelemetryConfig {

    /** Secret key mixed into every stored router-credential hash; set from the environment in production. */
    String credentialPepper();

    /** Most events one batch may carry. */
    @WithDefault("5000")
    int maxEventsPerBatch();
}
