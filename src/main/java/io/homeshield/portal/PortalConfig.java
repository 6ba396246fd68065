package io.homeshield.portal;

import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;

/** Settings of the subscriber portal and the staff page. */
@ConfigMapping(prefix = "homeshield.portal")
public interface PortalConfig {

    /** Key of the forms' CSRF tokens; changing it only invalidates forms that are open right now. */
    @Size(min = 32)
    String csrfSecret();
}
