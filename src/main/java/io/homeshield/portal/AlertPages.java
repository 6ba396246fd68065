package io.homeshield.portal;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The household's alerts, and one alert with its evidence. */
@Path("/portal/alerts")
@Produces(MediaType.TEXT_HTML)
class AlertPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<AlertRow> alerts);

        static native TemplateInstance alert(AlertPage page);
    }

    private final CurrentHousehold current;
    private final PortalViews views;

    AlertPages(CurrentHousehold current, PortalViews views) {
        this.current = current;
        this.views = views;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(views.alertRows(current.require()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance alert(@RestPath UUID id) {
        HouseholdId household = current.require();
        boolean canAct = current.membership().orElseThrow().role.canAct();
        return Templates.alert(views.alertPage(household, id, canAct)
                .orElseThrow(() -> ProblemException.notFound("Alert")));
    }
}
