package io.homeshield.admin;

import io.homeshield.audit.Actor;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The provider's staff roles and what each may do, least privilege first:
 * <ul>
 * <li>{@code support} finds households, reads them and acts on their behalf with a reason;</li>
 * <li>{@code analyst} watches the fleet (dashboard, alert search, review queue, threat intel) and may
 * open a household to investigate, read-only;</li>
 * <li>{@code admin} keeps the staff console itself honest: the audit log, its verification and export,
 * and the provider's configuration in effect (read-only: staff accounts and their roles live in the
 * identity provider).</li>
 * </ul>
 * Every staff role may open the staff start page; a subscriber may open none of it.
 */
public final class StaffRoles {

    public static final String SUPPORT = "support";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private StaffRoles() {
    }

    public static boolean isStaff(SecurityIdentity identity) {
        return identity.hasRole(SUPPORT) || identity.hasRole(ANALYST) || identity.hasRole(ADMIN);
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
