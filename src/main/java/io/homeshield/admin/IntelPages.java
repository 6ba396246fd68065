package io.homeshield.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.intel.Indicator;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Threat intelligence for analysts: the feeds in use and whether a destination is listed. */
@Path("/admin/intel")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffRoles.ANALYST)
class IntelPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance intel(String feed, int indicators, IndicatorLookup lookup);
    }

    private final ThreatIntel intel;
    private final FleetAlertSearch alerts;

    IntelPages(ThreatIntel intel, FleetAlertSearch alerts) {
        this.intel = intel;
        this.alerts = alerts;
    }

    @GET
    public TemplateInstance intel(@RestQuery String q) {
        return Templates.intel(ThreatIntel.URLHAUS, intel.size(), lookup(q));
    }

    private IndicatorLookup lookup(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        String understood;
        Indicator listing;
        if (IpAddress.isValid(text)) {
            IpAddress address = IpAddress.of(text);
            understood = address.value();
            listing = intel.match(address).orElse(null);
        } else {
            try {
                DomainName name = DomainName.of(text);
                understood = name.value();
                listing = intel.match(name).orElse(null);
            } catch (IllegalArgumentException e) {
                return new IndicatorLookup(text, null, null, 0);
            }
        }
        return new IndicatorLookup(text, understood, listing, alerts.countNaming(understood));
    }
}
