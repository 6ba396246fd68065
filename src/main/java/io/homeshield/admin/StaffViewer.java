package io.homeshield.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.homeshield.web.StaffRoles;
import io.quarkus.security.identity.SecurityIdentity;

/** Which parts of the staff console the person may use, for the console's navigation. */
@RequestScoped
@Named("staff")
public class StaffViewer {

    private final SecurityIdentity identity;

    StaffViewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean households() {
        return identity.hasRole(StaffRoles.SUPPORT) || identity.hasRole(StaffRoles.ANALYST);
    }

    public boolean actOnBehalf() {
        return identity.hasRole(StaffRoles.SUPPORT);
    }

    public boolean fleet() {
        return identity.hasRole(StaffRoles.ANALYST);
    }

    public boolean audit() {
        return identity.hasRole(StaffRoles.ADMIN);
    }

    public boolean configuration() {
        return identity.hasRole(StaffRoles.ADMIN);
    }
}
