package io.homeshield.portal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.enforcement.PersonEnteredDomain;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.net.DomainName;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Domains the household blocks, for every device or one, and the devices a household-wide block spares. */
@Path("/portal/blocked")
@Produces(MediaType.TEXT_HTML)
class BlockedDomainPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(BlockedDomainsView view);
    }

    private final CurrentHousehold current;
    private final BlockedDomainService blocks;
    private final PortalViews views;

    BlockedDomainPages(CurrentHousehold current, BlockedDomainService blocks, PortalViews views) {
        this.current = current;
        this.blocks = blocks;
        this.views = views;
    }

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return Templates.list(view(current.require(), Notices.of(done), null, null));
    }

    /** A refused domain shows the page again with what was typed and why it was refused. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String domain, @RestForm String device) {
        HouseholdId household = current.requireCanAct();
        DomainName name;
        try {
            name = PersonEnteredDomain.parse(domain);
        } catch (PersonEnteredDomain.Refused refused) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.list(view(household, null, domain, refused.reason()))).build();
        }
        blocks.block(household, name, FormValues.optionalDevice(device), actor(), null);
        return Notices.redirect("/portal/blocked", "blocked");
    }

    private BlockedDomainsView view(HouseholdId household, String notice, String typed,
            PersonEnteredDomain.Reason refused) {
        List<Device> devices = views.devices(household);
        Map<UUID, Device> byId = devices.stream().collect(Collectors.toMap(d -> d.id, d -> d));
        List<BlockedDomain> all = blocks.list(household);
        List<BlockedDomainsView.HouseholdWide> wide = all.stream().filter(BlockedDomain::householdWide)
                .map(b -> new BlockedDomainsView.HouseholdWide(b, b.exemptDevices.stream().map(byId::get)
                        .filter(d -> d != null).toList()))
                .toList();
        List<BlockedDomainsView.PerDevice> single = all.stream().filter(b -> !b.householdWide())
                .map(b -> new BlockedDomainsView.PerDevice(b, byId.containsKey(b.deviceId)
                        ? byId.get(b.deviceId).displayName() : ""))
                .toList();
        boolean canAct = current.membership().orElseThrow().role.canAct();
        return new BlockedDomainsView(wide, single, devices, canAct, notice, typed,
                refused == null ? null : refused.name());
    }

    @POST
    @Path("{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath UUID id, @RestForm String back) {
        HouseholdId household = current.requireCanAct();
        UUID deviceId = blocks.list(household).stream().filter(b -> b.id.equals(id)).map(b -> b.deviceId)
                .findFirst().orElse(null);
        blocks.unblock(household, id, actor(), null);
        if ("device".equals(back) && deviceId != null) {
            return Notices.redirect("/portal/devices/" + deviceId, "unblocked");
        }
        return Notices.redirect("/portal/blocked", "unblocked");
    }

    @POST
    @Path("{id}/exemptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response exempt(@RestPath UUID id, @RestForm String device) {
        blocks.exempt(current.requireCanAct(), id, FormValues.device(device), true, actor(), null);
        return Notices.redirect("/portal/blocked", "exempted");
    }

    @POST
    @Path("{id}/exemptions/{deviceId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unexempt(@RestPath UUID id, @RestPath UUID deviceId) {
        blocks.exempt(current.requireCanAct(), id, deviceId, false, actor(), null);
        return Notices.redirect("/portal/blocked", "unexempted");
    }

    private Actor actor() {
        return Actor.subscriber(current.subject());
    }
}
