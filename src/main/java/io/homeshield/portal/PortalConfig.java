package io.homeshield.portal;

import java.time.Duration;

import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the subscriber portal and the staff page. */
@ConfigMapping(prefix = "homeshield.portal")
public interface PortalConfig {

    /** Key of the forms' CSRF tokens; changing it only invalidates forms that are open right now. */
    @Size(min = 32)
    String csrfSecret();

    /** How often each instance reads what changed in the households that have a page open on it. */
    @WithDefault("2s")
    Duration livePollInterval();
}
