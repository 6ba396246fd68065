package io.homeshield.admin;

import io.quarkus.security.identity.SecurityIdentity;

/** The provider's staff roles; each of them may open the staff page. */
public final class StaffRoles {

    public static final String SUPPORT = "support";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private StaffRoles() {
    }

    public static boolean isStaff(SecurityIdentity identity) {
        return identity.hasRole(SUPPORT) || identity.hasRole(ANALYST) || identity.hasRole(ADMIN);
    }

    /** The role the person acts in, for the audit log: the most privileged one they hold. */
    static String actingRole(SecurityIdentity identity) {
        if (identity.hasRole(ADMIN)) {
            return ADMIN;
        }
        return identity.hasRole(ANALYST) ? ANALYST : SUPPORT;
    }
}
