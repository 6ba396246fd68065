package io.homeshield.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The staff console's start page: the parts of the console the person's role opens. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ StaffRoles.SUPPORT, StaffRoles.ANALYST, StaffRoles.ADMIN })
class AdminPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }
}
