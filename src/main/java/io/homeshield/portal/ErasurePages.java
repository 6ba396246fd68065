package io.homeshield.portal;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.audit.Actor;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdQueries;
import io.homeshield.lifecycle.ErasureService;
import io.homeshield.lifecycle.HouseholdErasure;
import io.homeshield.lifecycle.HouseholdExport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The owner's request to erase the household: confirmed by typing the account number, carried out
 * after the grace period, cancellable until then. Only the owner, who holds the contract, may ask.
 */
@Path("/portal/settings/erasure")
@Produces(MediaType.TEXT_HTML)
class ErasurePages {

    private static final String PAGE = "/portal/settings/erasure";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance erasure(ErasureView view);
    }

    /** The erasure page: the household, its erasure if one was asked for, what was typed and whether it was wrong. */
    record ErasureView(Household household, HouseholdErasure erasure, String due, String notice, String typed,
            boolean wrong) {

        public boolean cancellable() {
            return erasure != null && erasure.state == HouseholdErasure.State.PENDING;
        }
    }

    private final CurrentHousehold current;
    private final ErasureService erasures;
    private final Moments moments;
    private final HouseholdQueries households;

    ErasurePages(CurrentHousehold current, ErasureService erasures, Moments moments, HouseholdQueries households) {
        this.households = households;
        this.current = current;
        this.erasures = erasures;
        this.moments = moments;
    }

    @GET
    public TemplateInstance page(@RestQuery String done) {
        HouseholdId household = HouseholdExport.ownersHousehold(current);
        String notice = "requested".equals(done) || "cancelled".equals(done) ? done : null;
        return Templates.erasure(view(household, notice, null, false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@RestForm String accountNumber) {
        HouseholdId household = HouseholdExport.ownersHousehold(current);
        Household row = households.household(household.value()).orElse(null);
        String typed = accountNumber == null ? "" : accountNumber.strip();
        if (!typed.equalsIgnoreCase(row.accountNumber)) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.erasure(view(household, null, typed, true))).build();
        }
        erasures.request(household, owner(), "asked for by the household's owner");
        return Response.seeOther(URI.create(PAGE + "?done=requested")).build();
    }

    @POST
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel() {
        HouseholdId household = HouseholdExport.ownersHousehold(current);
        erasures.cancel(household, owner(), "cancelled by the household's owner");
        return Response.seeOther(URI.create(PAGE + "?done=cancelled")).build();
    }

    private ErasureView view(HouseholdId household, String notice, String typed, boolean wrong) {
        Optional<HouseholdErasure> erasure = erasures.of(household);
        return new ErasureView(households.household(household.value()).orElse(null), erasure.orElse(null),
                erasure.map(e -> moments.at(e.dueAt)).orElse(null), notice, typed, wrong);
    }

    private Actor owner() {
        return Actor.subscriber(current.membership().orElseThrow().subject);
    }
}
