package io.homeshield.admin.fleet;

import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
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

import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.fleet.FleetActor;
import io.homeshield.fleet.FleetReason;
import io.homeshield.fleet.baseline.Baseline;
import io.homeshield.fleet.baseline.BaselineService;
import io.homeshield.fleet.campaign.Campaign;
import io.homeshield.fleet.campaign.CampaignQueries;
import io.homeshield.fleet.forensics.BaselineDeviation;
import io.homeshield.fleet.forensics.CampaignEvidence;
import io.homeshield.fleet.forensics.DiffRow;
import io.homeshield.fleet.forensics.EvidenceDocument;
import io.homeshield.fleet.forensics.EvidenceSnapshot;
import io.homeshield.fleet.forensics.FleetNorm;
import io.homeshield.fleet.forensics.ForensicsService;
import io.homeshield.fleet.forensics.SnapshotView;
import io.homeshield.inventory.Router;
import io.homeshield.inventory.RouterQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The analysts' evidence pages: a router's snapshots with the form that collects a new one, a
 * snapshot with its three comparisons and its download, and what a campaign's routers share.
 * Analysts collect and download, as they run remediation jobs.
 */
@Path("/admin/fleet/evidence")
@RolesAllowed(FleetActor.ANALYST)
class ForensicsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance router(Router router, List<EvidenceSnapshot> snapshots,
                List<EnforcementAction> unfinished, String reason, boolean reasonInvalid);

        static native TemplateInstance snapshot(SnapshotView view);

        static native TemplateInstance campaign(Campaign campaign, CampaignEvidence.Summary summary);
    }

    private final ForensicsService forensics;
    private final BaselineService baselines;
    private final FleetNorm norm;
    private final CampaignEvidence campaigns;
    private final SecurityIdentity identity;
    private final CampaignQueries campaignQueries;
    private final RouterQueries routers;

    ForensicsPages(ForensicsService forensics, BaselineService baselines, FleetNorm norm, CampaignEvidence campaigns,
            SecurityIdentity identity, RouterQueries routers, CampaignQueries campaignQueries) {
        this.campaignQueries = campaignQueries;
        this.routers = routers;
        this.forensics = forensics;
        this.baselines = baselines;
        this.norm = norm;
        this.campaigns = campaigns;
        this.identity = identity;
    }

    @GET
    @Path("routers/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance router(@PathParam("id") String id) {
        Router router = routerFound(id);
        return page(router, null, false);
    }

    @POST
    @Path("routers/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response collect(@PathParam("id") String id, @RestForm String reason) {
        Router router = routerFound(id);
        FleetReason why;
        try {
            why = new FleetReason(reason);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(router, reason, true)).build();
        }
        forensics.collect(router.id, FleetActor.of(identity), why.value());
        return Response.seeOther(URI.create("/admin/fleet/evidence/routers/" + router.id)).build();
    }

    @GET
    @Path("snapshots/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance snapshot(@PathParam("id") String id) {
        EvidenceSnapshot snapshot = snapshotFound(id);
        Router router = routers.router(snapshot.routerId).orElse(null);
        EvidenceDocument document = forensics.document(snapshot);
        Optional<Baseline> baseline = baselines.forRouter(snapshot.model, snapshot.firmware);
        List<BaselineDeviation> deviations = baseline.map(b
                -> BaselineDeviation.of(document.parameters(), b.parameters()))
                .orElse(List.of());
        EvidenceSnapshot previous = forensics.previous(snapshot).orElse(null);
        List<DiffRow> sincePrevious = previous == null ? List.of()
                : DiffRow.between(forensics.document(previous).parameters(), document.parameters());
        List<SnapshotView.FileEntry> files = document.files().entrySet().stream()
                .map(f -> new SnapshotView.FileEntry(f.getKey(), f.getValue().length())).toList();
        return Templates.snapshot(new SnapshotView(snapshot, router, files, baseline.isPresent(), deviations, previous,
                sincePrevious, norm.of(snapshot)));
    }

    @GET
    @Path("snapshots/{id}/download")
    @Produces("application/gzip")
    public Response download(@PathParam("id") String id) {
        EvidenceSnapshot snapshot = snapshotFound(id);
        byte[] content = forensics.download(snapshot, FleetActor.of(identity));
        return Response.ok(content).header("Content-Disposition", "attachment; filename=\"evidence-" + snapshot.id
                + ".json.gz\"").header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(snapshot.sha256))).build();
    }

    @GET
    @Path("campaigns/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance campaign(@PathParam("id") String id) {
        Campaign campaign = null;
        try {
            campaign = campaignQueries.find(UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            // not an id: the same answer as an unknown one
        }
        if (campaign == null) {
            throw new NotFoundException();
        }
        return Templates.campaign(campaign, campaigns.of(campaign.id));
    }

    private TemplateInstance page(Router router, String reason, boolean invalid) {
        return Templates.router(router, forensics.snapshots(router.id), forensics.collectionsWithoutSnapshot(router.id),
                reason, invalid);
    }

    private Router routerFound(String id) {
        try {
            Router router = routers.router(UUID.fromString(id)).orElse(null);
            if (router != null) {
                return router;
            }
        } catch (IllegalArgumentException e) {
            // not an id: the same answer as an unknown one
        }
        throw new NotFoundException();
    }

    private EvidenceSnapshot snapshotFound(String id) {
        try {
            Optional<EvidenceSnapshot> snapshot = forensics.snapshot(UUID.fromString(id));
            if (snapshot.isPresent()) {
                return snapshot.get();
            }
        } catch (IllegalArgumentException e) {
            // not an id: the same answer as an unknown one
        }
        throw new NotFoundException();
    }
}
