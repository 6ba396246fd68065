package io.homeshield.admin;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.audit.Actor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The staff page: find a household by account number and see it read-only. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ StaffRoles.SUPPORT, StaffRoles.ANALYST, StaffRoles.ADMIN })
class AdminPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String account, boolean searched, StaffHouseholdView found);
    }

    private final StaffLookup lookup;
    private final SecurityIdentity identity;

    AdminPages(StaffLookup lookup, SecurityIdentity identity) {
        this.lookup = lookup;
        this.identity = identity;
    }

    @GET
    public TemplateInstance search(@RestQuery String account) {
        String wanted = StaffLookup.normalise(account);
        if (wanted.isEmpty()) {
            return Templates.search("", false, null);
        }
        Actor staff = new Actor(identity.getPrincipal().getName(), StaffRoles.actingRole(identity));
        Optional<StaffHouseholdView> found = lookup.find(wanted, staff);
        return Templates.search(wanted, true, found.orElse(null));
    }
}
