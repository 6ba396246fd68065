package io.homeshield.admin.fleet;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.fleet.FleetActor;
import io.homeshield.fleet.FleetMessages;
import io.homeshield.fleet.FleetReason;
import io.homeshield.fleet.FleetWords;
import io.homeshield.fleet.campaign.Campaign;
import io.homeshield.fleet.campaign.CampaignQueries;
import io.homeshield.fleet.remediation.HaltReason;
import io.homeshield.fleet.remediation.JobProgress;
import io.homeshield.fleet.remediation.JobRow;
import io.homeshield.fleet.remediation.JobSettings;
import io.homeshield.fleet.remediation.ProblemRow;
import io.homeshield.fleet.remediation.RemediationForm;
import io.homeshield.fleet.remediation.RemediationJob;
import io.homeshield.fleet.remediation.RemediationKind;
import io.homeshield.fleet.remediation.RemediationService;
import io.homeshield.fleet.remediation.TargetRouter;
import io.homeshield.fleet.remediation.TargetSpec;
import io.homeshield.fleet.remediation.TargetState;
import io.homeshield.infra.outbound.OutboundTargets;
import io.homeshield.web.PageLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The analysts' remediation jobs: a form, the dry-run listing of the routers it would reach and its
 * waves, starting it with a reason, and each job's page with its progress bar, which updates itself.
 */
@Path("/admin/fleet/remediation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(FleetActor.ANALYST)
class RemediationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<JobRow> jobs);

        static native TemplateInstance form(RemediationForm form, List<RemediationKind> kinds, List<Campaign> campaigns,
                String error, String errorField, List<TargetRouter> preview, int targetCount, int waves);

        static native TemplateInstance job(RemediationJob job, JobProgress progress, List<ProblemRow> problems,
                String error);
    }

    static class FormFields {
        @RestForm String kind;
        @RestForm String campaign;
        @RestForm String model;
        @RestForm String firmware;
        @RestForm String canary;
        @RestForm String waveSize;
        @RestForm String waveSeconds;
        @RestForm String maxFailurePercent;
        @RestForm String imageUrl;
        @RestForm String imageVersion;
        @RestForm String imageSha256;
        @RestForm String reason;

        RemediationForm form() {
            return new RemediationForm(kind, campaign, model, firmware, canary, waveSize, waveSeconds,
                    maxFailurePercent, imageUrl, imageVersion, imageSha256, reason);
        }
    }

    private final RemediationService jobs;
    private final SecurityIdentity identity;
    private final PageLocale locale;
    private final CampaignQueries campaigns;
    private final OutboundTargets targets;

    RemediationPages(RemediationService jobs, SecurityIdentity identity, PageLocale locale, OutboundTargets targets,
            CampaignQueries campaigns) {
        this.campaigns = campaigns;
        this.jobs = jobs;
        this.identity = identity;
        this.locale = locale;
        this.targets = targets;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(jobs.recentRows(50));
    }

    @GET
    @Path("new")
    public TemplateInstance newJob(@RestQuery String campaign, @RestQuery String kind) {
        return form(RemediationForm.blank(campaign, kind), null, null, null, 0, 0);
    }

    /** The dry run: which routers, in which waves. Changes nothing. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@BeanParam FormFields fields) {
        RemediationForm form = fields.form();
        try {
            form.checkedKind();
            TargetSpec spec = form.spec();
            JobSettings settings = form.settings();
            form.image(targets);
            List<TargetRouter> targets = jobs.targets(spec);
            if (targets.isEmpty()) {
                return refused(form, RemediationForm.Invalid.noMatch());
            }
            return Response.ok(form(form, null, null, targets.subList(0, Math.min(targets.size(),
                    RemediationService.PREVIEW_ROWS)), targets.size(), settings.waves(targets.size()))).build();
        } catch (RemediationForm.Invalid e) {
            return refused(form, e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@BeanParam FormFields fields) {
        RemediationForm form = fields.form();
        try {
            FleetReason reason;
            try {
                reason = new FleetReason(form.reason());
            } catch (IllegalArgumentException e) {
                throw new RemediationForm.Invalid("reason", "reason");
            }
            RemediationJob job = jobs.start(form.checkedKind(), form.spec(), form.settings(), form.image(targets),
                    FleetActor.of(identity), reason.value());
            return Response.seeOther(URI.create("/admin/fleet/remediation/" + job.id)).build();
        } catch (RemediationForm.Invalid e) {
            return refused(form, e);
        } catch (IllegalArgumentException e) {
            return refused(form, RemediationForm.Invalid.noMatch());
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance job(@PathParam("id") String id) {
        RemediationJob job = found(id);
        return Templates.job(job, jobs.progress(job.id), problems(job), null);
    }

    /** The counts for the progress bar, polled by the job page. */
    @GET
    @Path("{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> progress(@PathParam("id") String id) {
        RemediationJob job = found(id);
        JobProgress p = jobs.progress(job.id);
        FleetMessages words = FleetWords.in(locale.locale());
        HaltReason halt = job.halt();
        return Map.ofEntries(Map.entry("state", job.state.name()),
                Map.entry("stateLabel", words.remediation_state(job.state.name())), Map.entry("pending", p.pending()),
                Map.entry("running", p.running()), Map.entry("done", p.done()), Map.entry("failed", p.failed()),
                Map.entry("notBack", p.notBack()), Map.entry("total", p.total()), Map.entry("waves", job.wavesStarted),
                Map.entry("wavesSent", words.remediation_wavesSent(job.wavesStarted)),
                Map.entry("summary", words.remediation_summary(p.done(), p.failed(), p.notBack(), p.running(),
                        p.pending(), p.total())),
                Map.entry("haltReason", halt == null ? "" : words.remediation_halt(halt.kind(), halt.actor(),
                        halt.reason(), halt.failures(), halt.finished(), halt.percent())));
    }

    @POST
    @Path("{id}/halt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response halt(@PathParam("id") String id, @RestForm String reason) {
        return act(id, reason, (job, why) -> jobs.halt(job, FleetActor.of(identity), why));
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@PathParam("id") String id, @RestForm String reason) {
        return act(id, reason, (job, why) -> jobs.resume(job, FleetActor.of(identity), why));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, @RestForm String reason) {
        return act(id, reason, (job, why) -> jobs.cancel(job, FleetActor.of(identity), why));
    }

    private Response act(String id, String reason, java.util.function.BiConsumer<UUID, String> step) {
        RemediationJob job = found(id);
        try {
            step.accept(job.id, new FleetReason(reason).value());
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.job(job, jobs.progress(job.id), problems(job), "reason")).build();
        }
        return Response.seeOther(URI.create("/admin/fleet/remediation/" + job.id)).build();
    }

    private List<ProblemRow> problems(RemediationJob job) {
        return jobs.targetsIn(job.id, List.of(TargetState.FAILED, TargetState.NOT_BACK), 50);
    }

    private Response refused(RemediationForm form, RemediationForm.Invalid invalid) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(form(form, invalid.problem, invalid.field, null, 0, 0)).build();
    }

    private TemplateInstance form(RemediationForm form, String error, String field, List<TargetRouter> preview,
            int count, int waves) {
        List<Campaign> campaigns = this.campaigns.all();
        return Templates.form(form, List.of(RemediationKind.values()), campaigns, error, field, preview, count, waves);
    }

    private RemediationJob found(String id) {
        try {
            Optional<RemediationJob> job = jobs.job(UUID.fromString(id));
            if (job.isPresent()) {
                return job.get();
            }
        } catch (IllegalArgumentException e) {
            // not an id: the same answer as an unknown one
        }
        throw new NotFoundException();
    }
}
