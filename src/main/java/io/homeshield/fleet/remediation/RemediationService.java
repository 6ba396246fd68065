package io.homeshield.fleet.remediation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.inventory.Router;

/**
 * Remediation jobs from an analyst's point of view: the dry-run listing of the routers a job would
 * reach, starting it, halting, resuming and cancelling it; each step audited with its reason.
 */
@ApplicationScoped
public class RemediationService {

    public static final int PREVIEW_ROWS = 100;

    private final AuditLog audit;
    private final Clock clock;

    RemediationService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The routers a job for {@code spec} would reach, in the order it would reach them. */
    public List<TargetRouter> targets(TargetSpec spec) {
        String select = "select r.id, r.householdId, r.serialNumber, r.model, r.firmware, r.channel from Router r";
        List<Object[]> rows;
        if (spec.campaignId() != null) {
            rows = Router.getEntityManager().createQuery(select + ", CampaignRouter c where c.key.campaignId = ?1"
                    + " and c.key.routerId = r.id order by c.changedAt, r.serialNumber", Object[].class)
                    .setParameter(1, spec.campaignId()).getResultList();
        } else if (spec.firmware() != null) {
            rows = Router.getEntityManager().createQuery(select + " where r.model = ?1 and r.firmware = ?2"
                    + " order by r.serialNumber", Object[].class)
                    .setParameter(1, spec.model()).setParameter(2, spec.firmware()).getResultList();
        } else {
            rows = Router.getEntityManager().createQuery(select + " where r.model = ?1 order by r.serialNumber",
                    Object[].class).setParameter(1, spec.model()).getResultList();
        }
        List<TargetRouter> targets = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            targets.add(new TargetRouter((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                    (String) row[4], String.valueOf(row[5])));
        }
        return targets;
    }

    @Transactional
    public RemediationJob start(RemediationKind kind, TargetSpec spec, JobSettings settings, FirmwareImage firmware,
            Actor actor, String reason) {
        List<TargetRouter> targets = targets(spec);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no router matches");
        }
        if (kind == RemediationKind.FIRMWARE && firmware == null) {
            throw new IllegalArgumentException("a firmware job needs the image");
        }
        Instant now = clock.instant();
        RemediationJob job = new RemediationJob();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.title = kind.label() + (firmware == null ? "" : " " + firmware.version()) + " on " + targets.size()
                + " routers";
        job.targetQuery = spec.describe();
        job.campaignId = spec.campaignId();
        job.parameters = firmware == null ? null : FirmwareChoice.encode(firmware);
        job.state = JobState.RUNNING;
        job.canarySize = settings.canarySize();
        job.waveSize = settings.waveSize();
        job.waveIntervalMillis = settings.waveInterval().toMillis();
        job.maxFailurePercent = settings.maxFailurePercent();
        job.wavesStarted = 0;
        job.nextWaveAt = now;
        job.reason = reason;
        job.createdBy = actor.id();
        job.createdAt = now;
        job.updatedAt = now;
        job.persist();
        List<RemediationTarget> rows = new ArrayList<>(targets.size());
        int position = 0;
        for (TargetRouter router : targets) {
            RemediationTarget target = new RemediationTarget();
            target.key = new RemediationTarget.Key(job.id, router.routerId());
            target.householdId = router.householdId();
            target.position = position++;
            target.state = TargetState.PENDING;
            target.updatedAt = now;
            rows.add(target);
        }
        RemediationTarget.persist(rows);
        record(actor, job, "fleet.remediation-start", reason, "requested");
        return job;
    }

    @Transactional
    public void halt(UUID jobId, Actor actor, String reason) {
        RemediationJob job = RemediationJob.findById(jobId);
        if (job != null && job.state == JobState.RUNNING) {
            job.state = JobState.HALTED;
            job.haltReason = HaltReason.byAnalyst(actor.id(), reason);
            job.updatedAt = clock.instant();
            record(actor, job, "fleet.remediation-halt", reason, "done");
        }
    }

    /**
     * Carries on where the job stopped: routers already done are never sent the command again, and
     * the failure threshold judges the routers handled from now on.
     */
    @Transactional
    public void resume(UUID jobId, Actor actor, String reason) {
        RemediationJob job = RemediationJob.findById(jobId);
        if (job != null && job.state == JobState.HALTED) {
            JobProgress progress = progress(job.id);
            job.finishedAtResume = progress.finished();
            job.failuresAtResume = progress.failures();
            job.state = JobState.RUNNING;
            job.haltReason = null;
            job.nextWaveAt = clock.instant();
            job.updatedAt = job.nextWaveAt;
            record(actor, job, "fleet.remediation-resume", reason, "done");
        }
    }

    @Transactional
    public void cancel(UUID jobId, Actor actor, String reason) {
        RemediationJob job = RemediationJob.findById(jobId);
        if (job != null && (job.state == JobState.RUNNING || job.state == JobState.HALTED)) {
            job.state = JobState.CANCELLED;
            job.updatedAt = clock.instant();
            record(actor, job, "fleet.remediation-cancel", reason, "done");
        }
    }

    public JobProgress progress(UUID jobId) {
        return JobProgress.of(RemediationTarget.getEntityManager().createQuery(
                "select t.state, count(t) from RemediationTarget t where t.key.jobId = ?1 group by t.state",
                Object[].class).setParameter(1, jobId).getResultList());
    }

    /** The newest jobs, each with how many routers it is for (counted in one query). */
    public List<JobRow> recentRows(int limit) {
        List<RemediationJob> jobs = recent(limit);
        if (jobs.isEmpty()) {
            return List.of();
        }
        Map<UUID, Long> counts = new HashMap<>();
        RemediationTarget.getEntityManager().createQuery("select t.key.jobId, count(t) from RemediationTarget t"
                + " where t.key.jobId in ?1 group by t.key.jobId", Object[].class)
                .setParameter(1, jobs.stream().map(job -> job.id).toList()).getResultList()
                .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return jobs.stream().map(job -> new JobRow(job, counts.getOrDefault(job.id, 0L).intValue())).toList();
    }

    /** The job with this id, or empty. */
    public Optional<RemediationJob> job(UUID id) {
        return RemediationJob.findByIdOptional(id);
    }

    public List<RemediationJob> recent(int limit) {
        return RemediationJob.find("order by createdAt desc").page(0, limit).list();
    }

    /** The routers in a state (failed ones first is what analysts look at), for the job page. */
    public List<ProblemRow> targetsIn(UUID jobId, List<TargetState> states, int limit) {
        return RemediationTarget.getEntityManager().createQuery("select t, r.serialNumber, r.model, r.firmware from"
                + " RemediationTarget t, Router r where r.id = t.key.routerId and t.key.jobId = ?1 and t.state in ?2"
                + " order by t.position", Object[].class).setParameter(1, jobId).setParameter(2, states)
                .setMaxResults(limit).getResultList().stream().map(row -> {
                    RemediationTarget t = (RemediationTarget) row[0];
                    return new ProblemRow((String) row[1], (String) row[2], (String) row[3], t.wave, t.state, t.detail);
                }).toList();
    }

    private void record(Actor actor, RemediationJob job, String action, String reason, String outcome) {
        audit.append(new AuditRecord(actor.id(), actor.role(), null, action, job.title + " (" + job.targetQuery
                + ", job " + job.id + ")", reason, outcome));
    }
}
