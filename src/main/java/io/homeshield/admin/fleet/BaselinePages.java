package io.homeshield.admin.fleet;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.homeshield.fleet.FleetActor;
import io.homeshield.fleet.FleetReason;
import io.homeshield.fleet.baseline.Baseline;
import io.homeshield.fleet.baseline.BaselineParameter;
import io.homeshield.fleet.baseline.BaselineService;
import io.homeshield.fleet.baseline.RevertMode;
import io.homeshield.fleet.baseline.RevertPreview;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The analysts' baselines: expected settings per model and firmware, their revert rules and each rule's dry run. */
@Path("/admin/fleet/baselines")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(FleetActor.ANALYST)
class BaselinePages {

    private static final int MAX_TEXT = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Baseline> baselines, List<RevertMode> modes, String error);

        static native TemplateInstance dryRun(Baseline baseline, BaselineParameter rule,
                List<RevertPreview.Deviation> deviations, int limit);
    }

    private final BaselineService baselines;
    private final RevertPreview preview;
    private final SecurityIdentity identity;

    BaselinePages(BaselineService baselines, RevertPreview preview, SecurityIdentity identity) {
        this.baselines = baselines;
        this.preview = preview;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(baselines.all(), List.of(RevertMode.values()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String model, @RestForm String firmware, @RestForm String allowedFirmware,
            @RestForm String reason) {
        try {
            String why = reason(reason);
            baselines.save(required("model", model, 100), firmware == null ? "" : text(firmware, 100),
                    required("allowedFirmware", allowedFirmware, MAX_TEXT), FleetActor.of(identity), why);
        } catch (Refusal e) {
            return refused(e.problem);
        }
        return Response.seeOther(URI.create("/admin/fleet/baselines")).build();
    }

    @POST
    @Path("{id}/parameters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveParameter(@PathParam("id") String id, @RestForm String path, @RestForm String expected,
            @RestForm String subscriberMayChange, @RestForm String mode, @RestForm String reason) {
        Baseline baseline = found(Baseline.class, id);
        try {
            String why = reason(reason);
            String parameter = required("path", path, 256);
            if (!parameter.startsWith("Device.") && !parameter.startsWith("InternetGatewayDevice.")) {
                throw new Refusal("pathPrefix");
            }
            RevertMode revert;
            try {
                revert = RevertMode.valueOf(mode == null ? "" : mode);
            } catch (IllegalArgumentException e) {
                throw new Refusal("mode");
            }
            baselines.saveParameter(baseline.id, parameter, required("expected", expected, MAX_TEXT),
                    "on".equals(subscriberMayChange) || "true".equals(subscriberMayChange), revert,
                    FleetActor.of(identity), why);
        } catch (Refusal e) {
            return refused(e.problem);
        }
        return Response.seeOther(URI.create("/admin/fleet/baselines")).build();
    }

    @POST
    @Path("parameters/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") String id, @RestForm String reason) {
        BaselineParameter rule = found(BaselineParameter.class, id);
        try {
            baselines.removeParameter(rule.id, FleetActor.of(identity), reason(reason));
        } catch (Refusal e) {
            return refused(e.problem);
        }
        return Response.seeOther(URI.create("/admin/fleet/baselines")).build();
    }

    /** What the rule would put back on the routers deviating now; changes nothing. */
    @GET
    @Path("parameters/{id}/dry-run")
    public TemplateInstance dryRun(@PathParam("id") String id) {
        BaselineParameter rule = found(BaselineParameter.class, id);
        return Templates.dryRun(found(Baseline.class, rule.baselineId.toString()), rule, preview.preview(rule),
                RevertPreview.LIMIT);
    }

    /** The page names the problem in its own language. */
    private Response refused(String problem) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.list(baselines.all(), List.of(RevertMode.values()), problem)).build();
    }

    /** What the analyst must correct, by the name of the problem in the fleet pages' words. */
    private static final class Refusal extends RuntimeException {
        final String problem;

        Refusal(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }
    }

    private static String reason(String reason) {
        try {
            return new FleetReason(reason).value();
        } catch (IllegalArgumentException e) {
            throw new Refusal("reason");
        }
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new Refusal(field);
        }
        return text(value, max);
    }

    private static String text(String value, int max) {
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new Refusal("tooLong");
        }
        return stripped;
    }

    private <T> T found(Class<T> type, String id) {
        try {
            Optional<T> found = baselines.find(type, UUID.fromString(id));
            if (found.isPresent()) {
                return found.get();
            }
        } catch (IllegalArgumentException e) {
            // not an id: the same answer as an unknown one
        }
        throw new NotFoundException();
    }
}
