package io.homeshield.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.homeshield.household.CurrentHousehold;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The household at a glance; a friendly explanation for a sign-in without a household. */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view);

        static native TemplateInstance noHousehold();
    }

    private final CurrentHousehold current;
    private final PortalViews views;

    DashboardPage(CurrentHousehold current, PortalViews views) {
        this.current = current;
        this.views = views;
    }

    @GET
    public TemplateInstance dashboard() {
        if (current.membership().isEmpty()) {
            return Templates.noHousehold();
        }
        return Templates.dashboard(views.dashboard(current.require()));
    }
}
