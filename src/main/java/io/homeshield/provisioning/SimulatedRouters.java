package io.homeshield.provisioning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whether routers may be registered on the SIMULATED channel, which changes nothing on any real router:
 * on in development and tests, off in production, where a subscriber's protection must never land nowhere.
 */
@ConfigMapping(prefix = "homeshield.provisioning.simulated-routers")
public interface SimulatedRouters {

    @WithDefault("false")
    boolean allowed();
}
