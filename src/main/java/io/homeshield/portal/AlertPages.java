package io.homeshield.portal;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.alert.AlertLifecycle;
import io.homeshield.audit.Actor;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The household's alerts, one alert with its evidence, and the household's verdict on it. */
@Path("/portal/alerts")
@Produces(MediaType.TEXT_HTML)
class AlertPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AlertListView view);

        static native TemplateInstance alert(AlertPage page);
    }

    private final CurrentHousehold current;
    private final AlertPageViews views;
    private final AlertLifecycle lifecycle;

    AlertPages(CurrentHousehold current, AlertPageViews views, AlertLifecycle lifecycle) {
        this.current = current;
        this.views = views;
        this.lifecycle = lifecycle;
    }

    @GET
    public TemplateInstance list(@RestQuery Integer page) {
        return Templates.list(views.list(current.require(), page == null ? 0 : page));
    }

    @GET
    @Path("{id}")
    public TemplateInstance alert(@RestPath UUID id, @RestQuery String done) {
        HouseholdId household = current.require();
        boolean canAct = current.membership().orElseThrow().role.canAct();
        return Templates.alert(views.alertPage(household, id, canAct, Notices.of(done))
                .orElseThrow(() -> ProblemException.notFound("Alert")));
    }

    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@RestPath UUID id) {
        lifecycle.acknowledge(current.requireCanAct(), id, actor());
        return Notices.redirect("/portal/alerts/" + id, "acknowledged");
    }

    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@RestPath UUID id) {
        lifecycle.resolve(current.requireCanAct(), id, actor(), null);
        return Notices.redirect("/portal/alerts/" + id, "resolved");
    }

    @POST
    @Path("{id}/not-a-threat")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notAThreat(@RestPath UUID id, @RestForm String comment) {
        lifecycle.markNotAThreat(current.requireCanAct(), id, actor(), FormValues.comment(comment));
        return Notices.redirect("/portal/alerts/" + id, "notAThreat");
    }

    private Actor actor() {
        return Actor.subscriber(current.subject());
    }
}
