package io.homeshield.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** For admins: the configuration in effect (feeds, router channels, limits, automatic quarantine), read-only. */
@Path("/admin/configuration")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffRoles.ADMIN)
class ConfigurationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance configuration(ConfigurationView config);
    }

    private final ProviderConfiguration configuration;

    ConfigurationPages(ProviderConfiguration configuration) {
        this.configuration = configuration;
    }

    @GET
    public TemplateInstance configuration() {
        return Templates.configuration(configuration.current());
    }
}
