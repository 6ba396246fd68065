package io.homeshield.portal;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.homeshield.activity.ActivityRow;
import io.homeshield.activity.ActivityViews;
import io.homeshield.household.CurrentHousehold;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Everything done in the household, by whom: members, provider staff, automatic rules and HomeShield itself. */
@Path("/portal/activity")
@Produces(MediaType.TEXT_HTML)
class ActivityPage {

    private static final int SHOWN = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(List<ActivityRow> rows);
    }

    private final CurrentHousehold current;
    private final ActivityViews activity;

    ActivityPage(CurrentHousehold current, ActivityViews activity) {
        this.current = current;
        this.activity = activity;
    }

    @GET
    public TemplateInstance activity() {
        return Templates.activity(activity.recent(current.require(), SHOWN));
    }
}
