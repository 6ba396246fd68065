package io.homeshield.fleet;

import io.homeshield.audit.Actor;
import io.quarkus.security.identity.SecurityIdentity;

/** The analyst acting, as the audit log records them. */
public final class FleetActor {

    public static final String ANALYST = "analyst";

    private FleetActor() {
    }

    public static Actor of(SecurityIdentity identity) {
        return new Actor(identity.getPrincipal().getName(), ANALYST);
    }
}
