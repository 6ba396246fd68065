package io.homeshield.admin;

import io.homeshield.audit.Actor;
import io.quarkus.security.identity.SecurityIdentity;

/** The staff member acting, in the role the audit log records them in. */
final class StaffActors {

    private StaffActors() {
    }

    /** The person acting in the one role that allows what they do, as the audit log records them. */
    static Actor as(SecurityIdentity identity, String role) {
        if (!identity.hasRole(role)) {
            throw new IllegalStateException("acting as " + role + " without that role");
        }
        return new Actor(identity.getPrincipal().getName(), role);
    }

    /** For reads open to several roles: the first of {@code roles} the person holds. */
    static Actor asOneOf(SecurityIdentity identity, String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return new Actor(identity.getPrincipal().getName(), role);
            }
        }
        throw new IllegalStateException("none of the roles allowed here");
    }
}
