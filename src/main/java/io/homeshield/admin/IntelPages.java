package io.homeshield.admin;

import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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

import io.homeshield.audit.Actor;
import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.intel.ProviderIndicator;
import io.homeshield.intel.ProviderIndicatorService;
import io.homeshield.intel.rpz.ResponsePolicyZone;
import io.homeshield.intel.rpz.RpzFetches;
import io.homeshield.intel.rpz.RpzResource;
import io.homeshield.intel.rpz.RpzZone;
import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Threat intel for analysts: the feeds and how they are doing, whether a destination is listed,
 * and the provider's own feed, where an analyst adds an indicator, promotes an alert's destination
 * or expires an indicator, each with a reason the audit log keeps; a host name can also be blocked
 * for everybody at the provider's resolvers (the Response Policy Zone, shown here with its version
 * and each resolver's last fetch). A form sent with anything wrong
 * comes back with the field named, status 400, and nothing changed.
 */
@Path("/admin/intel")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffRoles.ANALYST)
class IntelPages {

    private static final Set<String> DONE = Set.of("added", "promoted", "expired", "blocked", "unblocked");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance intel(IntelView view, RpzView rpz);

        static native TemplateInstance fleetWide(ProviderIndicator indicator, IndicatorForm form);

        static native TemplateInstance expire(ProviderIndicator indicator, IndicatorForm form);

        static native TemplateInstance promote(PromoteView view);
    }

    private final IntelOverview overview;
    private final ProviderIndicatorService provider;
    private final FleetAlertSearch alerts;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ResponsePolicyZone zone;
    private final RpzFetches fetches;

    IntelPages(IntelOverview overview, ProviderIndicatorService provider, FleetAlertSearch alerts,
            SecurityIdentity identity, Clock clock, ResponsePolicyZone zone, RpzFetches fetches) {
        this.zone = zone;
        this.fetches = fetches;
        this.overview = overview;
        this.provider = provider;
        this.alerts = alerts;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public TemplateInstance intel(@RestQuery String q, @RestQuery String own, @RestQuery boolean expired,
            @RestQuery String done) {
        return intelPage(overview.view(q, own, expired, IndicatorForm.EMPTY,
                done != null && DONE.contains(done) ? done : null));
    }

    @POST
    @Path("indicators")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String indicator, @RestForm String validFor, @RestForm String reason) {
        IndicatorValidity validity = IndicatorValidity.fromForm(validFor);
        IndicatorForm form = new IndicatorForm(indicator == null ? "" : indicator, validity, reason, null);
        if (validity == null) {
            return refused(intelPage(overview.view(null, null, false, form.refused("validFor"), null)));
        }
        StaffReason why;
        try {
            why = new StaffReason(reason);
        } catch (IllegalArgumentException e) {
            return refused(intelPage(overview.view(null, null, false, form.refused("reason"), null)));
        }
        try {
            provider.add(indicator, validity.until(clock.instant()), analyst(), why.value());
        } catch (ProblemException e) {
            String field = "validUntil".equals(field(e)) ? "validFor" : "indicator";
            return refused(intelPage(overview.view(null, null, false, form.refused(field), null)));
        }
        return done("added");
    }

    @GET
    @Path("indicators/{id}/expire")
    public TemplateInstance expireForm(@RestPath UUID id) {
        return Templates.expire(indicator(id), IndicatorForm.EMPTY);
    }

    @POST
    @Path("indicators/{id}/expire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response expire(@RestPath UUID id, @RestForm String reason) {
        ProviderIndicator indicator = indicator(id);
        StaffReason why;
        try {
            why = new StaffReason(reason);
        } catch (IllegalArgumentException e) {
            return refused(Templates.expire(indicator, new IndicatorForm("", null, reason, "reason")));
        }
        provider.expire(id, analyst(), why.value());
        return done("expired");
    }

    @GET
    @Path("indicators/{id}/fleet-wide")
    public TemplateInstance fleetWideForm(@RestPath UUID id) {
        return Templates.fleetWide(indicator(id), IndicatorForm.EMPTY);
    }

    /** Blocks a host name at the provider's resolvers for everybody ({@code block=true}), or lifts that. */
    @POST
    @Path("indicators/{id}/fleet-wide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fleetWide(@RestPath UUID id, @RestForm boolean block, @RestForm String reason) {
        ProviderIndicator indicator = indicator(id);
        StaffReason why;
        try {
            why = new StaffReason(reason);
        } catch (IllegalArgumentException e) {
            return refused(Templates.fleetWide(indicator, new IndicatorForm("", null, reason, "reason")));
        }
        try {
            provider.blockFleetWide(id, block, analyst(), why.value());
        } catch (ProblemException e) {
            return refused(Templates.fleetWide(indicator, new IndicatorForm("", null, reason, "block")));
        }
        return done(block ? "blocked" : "unblocked");
    }

    /** The zone the resolvers fetch, as a file to download. */
    @GET
    @Path("rpz/zone")
    @Produces(RpzResource.ZONE_TYPE)
    public Response zoneFile() {
        RpzZone current = zone.current();
        return Response.ok(current.text(), RpzResource.ZONE_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + zone.zoneName() + "\"").build();
    }

    @GET
    @Path("promote/{alertId}")
    public TemplateInstance promoteForm(@RestPath UUID alertId) {
        return Templates.promote(promoteView(alertId, IndicatorForm.EMPTY));
    }

    @POST
    @Path("promote/{alertId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response promote(@RestPath UUID alertId, @RestForm String validFor, @RestForm String reason) {
        IndicatorValidity validity = IndicatorValidity.fromForm(validFor);
        IndicatorForm form = new IndicatorForm("", validity, reason, null);
        PromoteView view = promoteView(alertId, form);
        if (view.alert().destination() == null) {
            return refused(Templates.promote(promoteView(alertId, form.refused("alert"))));
        }
        if (validity == null) {
            return refused(Templates.promote(promoteView(alertId, form.refused("validFor"))));
        }
        StaffReason why;
        try {
            why = new StaffReason(reason);
        } catch (IllegalArgumentException e) {
            return refused(Templates.promote(promoteView(alertId, form.refused("reason"))));
        }
        try {
            provider.promote(alertId, validity.until(clock.instant()), analyst(), why.value());
        } catch (ProblemException e) {
            return refused(Templates.promote(promoteView(alertId, form.refused("alert"))));
        }
        return done("promoted");
    }

    private TemplateInstance intelPage(IntelView view) {
        return Templates.intel(view, new RpzView(zone.zoneName(), zone.current(), fetches.latest()));
    }

    private PromoteView promoteView(UUID alertId, IndicatorForm form) {
        FleetAlertRow alert = alerts.find(alertId).orElseThrow(() -> ProblemException.notFound("Alert"));
        return new PromoteView(alert,
                alert.destination() == null ? null : overview.listing(alert.destination()).orElse(null), form);
    }

    private ProviderIndicator indicator(UUID id) {
        return provider.find(id).orElseThrow(() -> ProblemException.notFound("Indicator"));
    }

    private Actor analyst() {
        return StaffActors.as(identity, StaffRoles.ANALYST);
    }

    private static String field(ProblemException e) {
        return e.problem().violations().stream().map(Problem.Violation::field).findFirst().orElse("");
    }

    private static Response refused(TemplateInstance page) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page).build();
    }

    private static Response done(String change) {
        return Response.seeOther(URI.create("/admin/intel?done=" + change + "#own-title")).build();
    }
}
