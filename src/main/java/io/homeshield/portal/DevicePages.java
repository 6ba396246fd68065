package io.homeshield.portal;

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

import io.homeshield.alert.AlertLifecycle;
import io.homeshield.audit.Actor;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.enforcement.PersonEnteredDomain;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceIdentity;
import io.homeshield.net.DomainName;
import io.homeshield.web.PageLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The device list, a device's page, and the changes made from it (POST, then redirect back):
 * quarantine and release, its name and type, a domain blocked for it alone, trusting it.
 */
@Path("/portal/devices")
@Produces(MediaType.TEXT_HTML)
class DevicePages {

    private static final Pattern REQUEST_KEY = Pattern.compile("portal-[0-9a-f-]{36}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(DeviceListView view);

        static native TemplateInstance device(DevicePage page);

        static native TemplateInstance confirmQuarantine(Device device, List<QuarantineDuration> durations,
                String requestKey);
    }

    private final CurrentHousehold current;
    private final PortalViews views;
    private final DevicePageViews pages;
    private final QuarantineService quarantines;
    private final DeviceIdentity identity;
    private final BlockedDomainService blocks;
    private final AlertLifecycle alerts;
    private final PageLocale locale;
    private final FixedRelease release;

    DevicePages(CurrentHousehold current, PortalViews views, DevicePageViews pages, QuarantineService quarantines,
            DeviceIdentity identity, BlockedDomainService blocks, AlertLifecycle alerts, PageLocale locale,
            FixedRelease release) {
        this.release = release;
        this.current = current;
        this.views = views;
        this.pages = pages;
        this.quarantines = quarantines;
        this.identity = identity;
        this.blocks = blocks;
        this.alerts = alerts;
        this.locale = locale;
    }

    @GET
    public TemplateInstance list(@RestQuery String q, @RestQuery String show) {
        return Templates.list(views.deviceList(current.require(), q, show));
    }

    @GET
    @Path("{id}")
    public TemplateInstance device(@RestPath UUID id, @RestQuery String done, @RestQuery String range) {
        HouseholdId household = current.require();
        boolean canAct = current.membership().orElseThrow().role.canAct();
        return Templates.device(pages.devicePage(household, id, canAct, Notices.of(done), range, locale.locale())
                .orElseThrow(() -> ProblemException.notFound("Device")));
    }

    @GET
    @Path("{id}/quarantine")
    public TemplateInstance confirmQuarantine(@RestPath UUID id) {
        Device device = views.device(current.requireCanAct(), id).orElseThrow(()
                -> ProblemException.notFound("Device"));
        return Templates.confirmQuarantine(device, List.of(QuarantineDuration.values()), PortalViews.newRequestKey());
    }

    @POST
    @Path("{id}/quarantine")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response quarantine(@RestPath UUID id, @RestForm String duration, @RestForm String requestKey) {
        HouseholdId household = current.requireCanAct();
        QuarantineDuration chosen = QuarantineDuration.fromForm(duration);
        quarantines.quarantine(household, id, QuarantineLevel.FULL, chosen.duration(),
                actor(), null, requestKey(requestKey));
        return Notices.redirect("/portal/devices/" + id, "quarantine");
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@RestPath UUID id, @RestForm String requestKey, @RestForm String fixed,
            @RestForm String alert) {
        HouseholdId household = current.requireCanAct();
        boolean isFixed = "yes".equals(fixed);
        if (fixed != null && !isFixed && !"no".equals(fixed)) {
            throw ProblemException.invalid("fixed", "answer yes or no");
        }
        int resolved = release.release(household, id, isFixed, actor(), requestKey(requestKey));
        String notice = resolved > 0 ? "releasedFixed" : "release";
        if (alert != null && !alert.isBlank()) {
            return Notices.redirect("/portal/alerts/" + FormValues.uuid("alert", alert), notice);
        }
        return Notices.redirect("/portal/devices/" + id, notice);
    }

    @POST
    @Path("{id}/identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response describe(@RestPath UUID id, @RestForm String label, @RestForm String type) {
        HouseholdId household = current.requireCanAct();
        try {
            identity.describe(household, id, FormValues.label(label), FormValues.deviceType(type), actor());
        } catch (ProblemException refused) {
            return sameWith(household, id, FormEcho.of(refused, "label", label));
        }
        return Notices.redirect("/portal/devices/" + id, "described");
    }

    @POST
    @Path("{id}/block")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response block(@RestPath UUID id, @RestForm String domain) {
        HouseholdId household = current.requireCanAct();
        DomainName name;
        try {
            name = PersonEnteredDomain.parse(domain);
        } catch (PersonEnteredDomain.Refused refused) {
            // the page again, with what was typed and why it was refused
            DevicePage page = pages.devicePage(household, id, true, null, null, locale.locale())
                    .orElseThrow(() -> ProblemException.notFound("Device"));
            return refused(page.refusing(domain, refused.reason().name()));
        }
        blocks.block(household, name, id, actor(), null);
        return Notices.redirect("/portal/devices/" + id, "blocked");
    }

    @POST
    @Path("{id}/trust")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response trust(@RestPath UUID id, @RestForm String comment, @RestForm String silence) {
        HouseholdId household = current.requireCanAct();
        DevicePage page = pages.devicePage(household, id, true, null, null, locale.locale())
                .orElseThrow(() -> ProblemException.notFound("Device"));
        if (!page.highRiskOpen().isEmpty() && !"yes".equals(silence)) {
            // trusting silences open high-risk alerts: only after the person confirmed what it silences
            return refused(page.echoing(new FormEcho("silence", comment, "required")));
        }
        alerts.markDeviceNotAThreat(household, id, actor(), FormValues.comment(comment));
        return Notices.redirect("/portal/devices/" + id, "trusted");
    }

    /** The device page again, with what was typed and why it was refused beside the field. */
    private Response sameWith(HouseholdId household, UUID id, FormEcho echo) {
        DevicePage page = pages.devicePage(household, id, true, null, null, locale.locale())
                .orElseThrow(() -> ProblemException.notFound("Device"));
        return refused(page.echoing(echo));
    }

    private static Response refused(DevicePage page) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.device(page)).build();
    }

    private Actor actor() {
        return Actor.subscriber(current.subject());
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
}
