package io.homeshield.portal;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.infra.problem.ProblemException;

/** Where the portal's script reports the browser's time zone, kept for the signed-in member. */
@Path("/portal/time-zone")
class TimeZonePage {

    private final CurrentHousehold current;
    private final MemberTimeZones zones;

    TimeZonePage(CurrentHousehold current, MemberTimeZones zones) {
        this.current = current;
        this.zones = zones;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@RestForm String zone) {
        current.require();
        zones.remember(current.membership().orElseThrow().id, valid(zone));
        return Response.noContent().build();
    }

    static String valid(String zone) {
        if (zone == null || zone.isBlank() || zone.length() > 64) {
            throw ProblemException.invalid("zone", "an IANA time zone name such as Europe/Berlin");
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException unknown) {
            throw ProblemException.invalid("zone", "an IANA time zone name such as Europe/Berlin");
        }
    }
}
