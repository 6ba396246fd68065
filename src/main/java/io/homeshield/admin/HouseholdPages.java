package io.homeshield.admin;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.audit.Actor;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** Finding a household and reading its 360° file: support, and analysts investigating. */
@Path("/admin/households")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ StaffRoles.SUPPORT, StaffRoles.ANALYST })
class HouseholdPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchResult result);

        static native TemplateInstance household(HouseholdFile file, String notice);
    }

    private final StaffSearch search;
    private final HouseholdOverview overview;
    private final SecurityIdentity identity;

    HouseholdPages(StaffSearch search, HouseholdOverview overview, SecurityIdentity identity) {
        this.search = search;
        this.overview = overview;
        this.identity = identity;
    }

    @GET
    public TemplateInstance search(@RestQuery String q) {
        return Templates.search(search.search(q));
    }

    @GET
    @Path("{id}")
    public TemplateInstance household(@RestPath UUID id, @RestQuery String done) {
        HouseholdFile file = overview.open(id, reader()).orElseThrow(() -> ProblemException.notFound("Household"));
        return Templates.household(file, OnBehalfPages.notice(done));
    }

    private Actor reader() {
        return StaffActors.asOneOf(identity, StaffRoles.SUPPORT, StaffRoles.ANALYST);
    }
}
