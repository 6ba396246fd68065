package io.homeshield.admin.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.homeshield.fleet.FleetActor;
import io.homeshield.fleet.campaign.Campaign;
import io.homeshield.fleet.campaign.CampaignQueries;
import io.homeshield.fleet.campaign.CampaignRouter;
import io.homeshield.fleet.campaign.CampaignView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The analysts' campaign pages: the campaigns found, and each one's timeline, groups and routers. */
@Path("/admin/fleet/campaigns")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(FleetActor.ANALYST)
class CampaignPages {

    private static final int ROUTERS_SHOWN = 200;

    private final CampaignQueries campaigns;

    CampaignPages(CampaignQueries campaigns) {
        this.campaigns = campaigns;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Campaign> campaigns);

        static native TemplateInstance campaign(CampaignView view);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(campaigns.all());
    }

    @GET
    @Path("{id}")
    public TemplateInstance campaign(@PathParam("id") String id) {
        Campaign campaign = found(id);
        Duration bucket = CampaignView.bucketFor(campaign);
        List<Instant> changes = campaigns.changeTimes(campaign.id);
        List<CampaignView.Bar> bars = new ArrayList<>();
        long start = campaign.firstSeen.toEpochMilli() / bucket.toMillis();
        long end = campaign.lastSeen.toEpochMilli() / bucket.toMillis();
        int[] counts = new int[(int) Math.min(2000, end - start + 1)];
        for (Instant at : changes) {
            int i = (int) (at.toEpochMilli() / bucket.toMillis() - start);
            if (i >= 0 && i < counts.length) {
                counts[i]++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            bars.add(new CampaignView.Bar(Instant.ofEpochMilli((start + i) * bucket.toMillis()), counts[i]));
        }
        List<CampaignView.GroupCount> groups = campaigns.groups(campaign.id);
        List<CampaignRouter> routers = campaigns.routers(campaign.id, ROUTERS_SHOWN);
        int before = (int) changes.stream().filter(at -> !at.isAfter(campaign.detectedAt)).count();
        return Templates.campaign(new CampaignView(campaign, bars, bucket.toMinutes() >= 60 ? "hour" : "10min",
                groups, routers, before));
    }

    private Campaign found(String id) {
        try {
            Optional<Campaign> campaign = campaigns.find(UUID.fromString(id));
            if (campaign.isPresent()) {
                return campaign.get();
            }
        } catch (IllegalArgumentException e) {
            // not an id: the same answer as an unknown one
        }
        throw new NotFoundException();
    }
}
