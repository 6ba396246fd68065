package io.homeshield.admin.fleet;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.ConfigHistory;
import io.homeshield.fleet.CurrentParameter;
import io.homeshield.fleet.FleetActor;
import io.homeshield.inventory.Router;
import io.homeshield.inventory.RouterQueries;
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
    private final RouterQueries routers;

    RouterConfigPages(ConfigHistory configuration, RouterQueries routers) {
        this.routers = routers;
        this.configuration = configuration;
    }

    @GET
    @Path("{id}")
    public TemplateInstance config(@PathParam("id") String id) {
        Router router;
        try {
            router = routers.router(UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            router = null;
        }
        if (router == null) {
            throw new NotFoundException();
        }
        return Templates.config(router, configuration.current(router.id), configuration.recent(router.id, HISTORY));
    }
}
