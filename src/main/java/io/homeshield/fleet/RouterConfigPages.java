package io.homeshield.fleet;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.homeshield.inventory.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One router's configuration for analysts: the current value of each watched parameter, and the history with who
 * changed it.
 */
@Path("/admin/fleet/routers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(FleetActor.ANALYST)
class RouterConfigPages {

    private static final int HISTORY = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance config(Router router, List<CurrentParameter> current,
                List<ConfigChange> history);
    }

    private final ConfigHistory configuration;

    RouterConfigPages(ConfigHistory configuration) {
        this.configuration = configuration;
    }

    @GET
    @Path("{id}")
    public TemplateInstance config(@PathParam("id") String id) {
        Router router;
        try {
            router = Router.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            router = null;
        }
        if (router == null) {
            throw new NotFoundException();
        }
        return Templates.config(router, configuration.current(router.id), configuration.recent(router.id, HISTORY));
    }
}
