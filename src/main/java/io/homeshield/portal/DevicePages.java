package io.homeshield.portal;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The device list, a device's page, and quarantining or releasing it (POST, then redirect back). */
@Path("/portal/devices")
@Produces(MediaType.TEXT_HTML)
class DevicePages {

    private static final Pattern REQUEST_KEY = Pattern.compile("portal-[0-9a-f-]{36}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DeviceRow> devices);

        static native TemplateInstance device(DevicePage page);

        static native TemplateInstance confirmQuarantine(Device device, List<QuarantineDuration> durations,
                String requestKey);
    }

    private final CurrentHousehold current;
    private final PortalViews views;
    private final QuarantineService quarantines;

    DevicePages(CurrentHousehold current, PortalViews views, QuarantineService quarantines) {
        this.current = current;
        this.views = views;
        this.quarantines = quarantines;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(views.deviceRows(current.require()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance device(@RestPath UUID id, @RestQuery String done) {
        HouseholdId household = current.require();
        boolean canAct = current.membership().orElseThrow().role.canAct();
        return Templates.device(views.devicePage(household, id, canAct, notice(done))
                .orElseThrow(() -> ProblemException.notFound("Device")));
    }

    @GET
    @Path("{id}/quarantine")
    public TemplateInstance confirmQuarantine(@RestPath UUID id) {
        Device device = views.device(current.requireCanAct(), id).orElseThrow(() -> ProblemException.notFound("Device"));
        return Templates.confirmQuarantine(device, List.of(QuarantineDuration.values()), PortalViews.newRequestKey());
    }

    @POST
    @Path("{id}/quarantine")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response quarantine(@RestPath UUID id, @RestForm String duration, @RestForm String requestKey) {
        HouseholdId household = current.requireCanAct();
        QuarantineDuration chosen = QuarantineDuration.fromForm(duration);
        quarantines.quarantine(household, id, QuarantineLevel.FULL, chosen.duration(),
                Actor.subscriber(current.subject()), null, requestKey(requestKey));
        return backToDevice(id, "quarantine");
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@RestPath UUID id, @RestForm String requestKey) {
        HouseholdId household = current.requireCanAct();
        quarantines.release(household, id, Actor.subscriber(current.subject()), null, requestKey(requestKey));
        return backToDevice(id, "release");
    }

    private static Response backToDevice(UUID id, String done) {
        return Response.seeOther(URI.create("/portal/devices/" + id + "?done=" + done)).build();
    }

    private static String requestKey(String submitted) {
        if (submitted == null || submitted.isBlank()) {
            return null;
        }
        if (!REQUEST_KEY.matcher(submitted).matches()) {
            throw ProblemException.invalid("requestKey", "not a key this site issued");
        }
        return submitted;
    }

    /** Only fixed sentences: the query parameter never reaches the page as text. */
    private static String notice(String done) {
        if ("quarantine".equals(done)) {
            return "Quarantine requested. Your router will cut the device off within a few seconds.";
        }
        if ("release".equals(done)) {
            return "Release requested. Your router will let the device back on within a few seconds.";
        }
        return null;
    }
}
