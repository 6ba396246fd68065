package io.homeshield.admin;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.alert.AlertReview;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.AlertType;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.web.PageLocale;
import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The analysts' pages: the fleet dashboard, alert search across households, and the review queue. */
@Path("/admin/fleet")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffRoles.ANALYST)
class FleetPages {

    private static final List<Integer> PERIODS = List.of(1, 7, 30, 90);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(FleetView fleet);

        static native TemplateInstance alerts(List<FleetAlertRow> rows, String type, String status, String indicator,
                int days, List<AlertType> types, List<AlertStatus> statuses, List<Integer> periods, boolean more);

        static native TemplateInstance reviews(ReviewQueue queue);
    }

    private final FleetDashboard dashboard;
    private final FleetAlertSearch alertSearch;
    private final AlertReview review;
    private final SecurityIdentity identity;
    private final PageLocale locale;

    FleetPages(FleetDashboard dashboard, FleetAlertSearch alertSearch, AlertReview review, SecurityIdentity identity,
            PageLocale locale) {
        this.locale = locale;
        this.dashboard = dashboard;
        this.alertSearch = alertSearch;
        this.review = review;
        this.identity = identity;
    }

    @GET
    public TemplateInstance dashboard() {
        return Templates.dashboard(dashboard.view(locale.locale()));
    }

    @GET
    @Path("alerts")
    public TemplateInstance alerts(@RestQuery String type, @RestQuery String status, @RestQuery String indicator,
            @RestQuery Integer days) {
        AlertType chosenType = parse(AlertType.class, "type", type);
        AlertStatus chosenStatus = parse(AlertStatus.class, "status", status);
        int period = days == null ? 7 : days;
        if (!PERIODS.contains(period)) {
            throw ProblemException.invalid("days", "choose 1, 7, 30 or 90 days");
        }
        List<FleetAlertRow> rows = alertSearch.search(
                new FleetAlertSearch.Filter(chosenType, chosenStatus, indicator, period));
        return Templates.alerts(rows, chosenType == null ? "" : chosenType.name(),
                chosenStatus == null ? "" : chosenStatus.name(), indicator == null ? "" : indicator, period,
                List.of(AlertType.values()), List.of(AlertStatus.values()), PERIODS,
                rows.size() == FleetAlertSearch.LIMIT);
    }

    @GET
    @Path("reviews")
    public TemplateInstance reviews(@RestQuery String done) {
        String notice = "confirmed".equals(done) || "rejected".equals(done) ? done : null;
        return Templates.reviews(new ReviewQueue(review.queue(), review.suppressions(), notice, null, null, null,
                null));
    }

    @POST
    @Path("reviews/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestForm String type, @RestForm String indicator, @RestForm String reason) {
        StaffReason why;
        try {
            why = new StaffReason(reason);
        } catch (IllegalArgumentException e) {
            return refused(type, indicator, reason);
        }
        review.confirm(known(type), required(indicator), StaffActors.as(identity, StaffRoles.ANALYST), why.value());
        return Response.seeOther(URI.create("/admin/fleet/reviews?done=confirmed")).build();
    }

    @POST
    @Path("reviews/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestForm String type, @RestForm String indicator, @RestForm String reason) {
        StaffReason why;
        try {
            why = new StaffReason(reason);
        } catch (IllegalArgumentException e) {
            return refused(type, indicator, reason);
        }
        review.reject(known(type), required(indicator), StaffActors.as(identity, StaffRoles.ANALYST), why.value());
        return Response.seeOther(URI.create("/admin/fleet/reviews?done=rejected")).build();
    }

    private Response refused(String type, String indicator, String reason) {
        ReviewQueue queue = new ReviewQueue(review.queue(), review.suppressions(), null, "reason", type, indicator,
                reason);
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.reviews(queue)).build();
    }

    private static String known(String type) {
        AlertType parsed = parse(AlertType.class, "type", type);
        if (parsed == null) {
            throw ProblemException.invalid("type", "missing");
        }
        return parsed.name();
    }

    private static String required(String indicator) {
        if (indicator == null || indicator.isBlank()) {
            throw ProblemException.invalid("indicator", "missing");
        }
        return indicator;
    }

    private static <E extends Enum<E>> E parse(Class<E> kind, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(kind, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "not one of the choices offered");
        }
    }
}
