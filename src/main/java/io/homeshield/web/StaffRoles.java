package io.homeshield.web;

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
}
