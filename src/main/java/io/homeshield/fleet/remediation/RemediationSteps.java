package io.homeshield.fleet.remediation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.RouterCommands;
import io.homeshield.fleet.CurrentParameter;
import io.homeshield.fleet.baseline.Baseline;
import io.homeshield.fleet.baseline.BaselineParameter;
import io.homeshield.fleet.baseline.BaselineService;
import io.homeshield.inventory.Router;

/**
 * One step of a running job, in one short transaction on the job's row (locked with SKIP LOCKED, so
 * two instances never advance the same job at once): take in what the routers of the current wave
 * reported, halt when the failures cross the threshold, and send the next wave when the current one
 * is finished and the rate limit allows. Everything lives in the database, so a restarted instance
 * carries on where the job stood, and a router that is done is never sent the command again.
 */
@ApplicationScoped
class RemediationSteps {

    /** {@code jakarta.persistence.lock.timeout} value Hibernate renders as SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;
    static final String REQUESTED_BY = "remediation-job";

    private final RouterCommands commands;
    private final BaselineService baselines;
    private final AuditLog audit;
    private final Clock clock;

    RemediationSteps(RouterCommands commands, BaselineService baselines, AuditLog audit, Clock clock) {
        this.commands = commands;
        this.baselines = baselines;
        this.audit = audit;
        this.clock = clock;
    }

    /** Jobs to step: running ones, and halted ones whose last routers have not reported yet. */
    List<UUID> running() {
        return RemediationJob.getEntityManager().createQuery("select j.id from RemediationJob j where j.state = ?1"
                + " or j.state = ?2 and exists (select t from RemediationTarget t where t.key.jobId = j.id"
                + " and t.state = ?3)", UUID.class).setParameter(1, JobState.RUNNING).setParameter(2, JobState.HALTED)
                .setParameter(3, TargetState.RUNNING).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void advance(UUID jobId) {
        Optional<RemediationJob> locked = RemediationJob.<RemediationJob>find("id = ?1 and state in ?2", jobId,
                List.of(JobState.RUNNING, JobState.HALTED)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED).firstResultOptional();
        if (locked.isEmpty()) {
            return;
        }
        RemediationJob job = locked.get();
        Instant now = clock.instant();
        int stillRunning = takeOutcomes(job, now);
        if (job.state == JobState.HALTED) {
            return; // its last routers report in, so the counts end true; nothing new is sent
        }
        JobProgress progress = progressOf(job.id);
        if (crossedThreshold(job, progress)) {
            job.state = JobState.HALTED;
            job.haltReason = HaltReason.itself(progress.failures(), progress.finished(), job.maxFailurePercent);
            job.updatedAt = now;
            record(job, "fleet.remediation-halt", job.haltReason, "halted");
            return;
        }
        if (stillRunning > 0) {
            return;
        }
        if (progress.pending() == 0) {
            job.state = JobState.COMPLETED;
            job.updatedAt = now;
            record(job, "fleet.remediation-complete", progress.done() + " done, " + progress.failures() + " failed",
                    "done");
            return;
        }
        if (job.nextWaveAt == null || !now.isBefore(job.nextWaveAt)) {
            sendWave(job, now);
        }
    }

    /** Moves the sent routers whose action has settled to done, failed or not back; returns how many still wait. */
    private int takeOutcomes(RemediationJob job, Instant now) {
        List<Object[]> sent = RemediationTarget.getEntityManager().createQuery("select t, a from RemediationTarget t,"
                + " EnforcementAction a where a.id = t.actionId and t.key.jobId = ?1 and t.state = ?2", Object[].class)
                .setParameter(1, job.id).setParameter(2, TargetState.RUNNING).getResultList();
        int waiting = 0;
        for (Object[] row : sent) {
            RemediationTarget target = (RemediationTarget) row[0];
            EnforcementAction action = (EnforcementAction) row[1];
            if (action.state == ActionState.VERIFIED) {
                settle(target, TargetState.DONE, null, now);
            } else if (action.state == ActionState.FAILED) {
                boolean tookIt = action.appliedAt != null && job.kind.restartsRouter();
                settle(target, tookIt ? TargetState.NOT_BACK : TargetState.FAILED, action.lastError, now);
            } else {
                waiting++;
            }
        }
        return waiting;
    }

    /**
     * Whether more than the allowed share of the routers handled (since the last resume) failed, judged
     * once at least a canary's worth of them is finished.
     */
    private static boolean crossedThreshold(RemediationJob job, JobProgress progress) {
        int finished = progress.finished() - job.finishedAtResume;
        int failures = progress.failures() - job.failuresAtResume;
        int judged = Math.min(job.canarySize, progress.total() - job.finishedAtResume);
        return finished > 0 && finished >= judged && failures * 100 > job.maxFailurePercent * finished;
    }

    private void sendWave(RemediationJob job, Instant now) {
        int size = job.wavesStarted == 0 ? job.canarySize : job.waveSize;
        List<RemediationTarget> wave = RemediationTarget.<RemediationTarget>find(
                "key.jobId = ?1 and state = ?2 order by position", job.id, TargetState.PENDING).page(0, size).list();
        int waveNumber = job.wavesStarted + 1;
        Map<UUID, Router> routers = new HashMap<>();
        Router.<Router>list("id in ?1", wave.stream().map(RemediationTarget::routerId).toList())
                .forEach(r -> routers.put(r.id, r));
        Map<UUID, Map<String, String>> reverts = job.kind == RemediationKind.REVERT_CONFIG ? reverts(routers)
                : Map.of();
        for (RemediationTarget target : wave) {
            target.wave = waveNumber;
            Router router = routers.get(target.routerId());
            EnforcementAction action = switch (job.kind) {
                case REVERT_CONFIG -> reverts.containsKey(router.id)
                        ? commands.setParameters(router.id, reverts.get(router.id), REQUESTED_BY) : null;
                case REBOOT -> commands.reboot(router.id, REQUESTED_BY);
                case FACTORY_RESET -> commands.factoryReset(router.id, REQUESTED_BY);
                case FIRMWARE -> commands.installFirmware(router.id, FirmwareChoice.decode(job.parameters),
                        REQUESTED_BY);
                case COLLECT_EVIDENCE -> commands.collectEvidence(router.id, REQUESTED_BY);
            };
            if (action == null) {
                settle(target, TargetState.DONE, "Nothing to put back: the router matched its baseline.", now);
            } else {
                target.actionId = action.id;
                target.state = TargetState.RUNNING;
                target.updatedAt = now;
            }
        }
        job.wavesStarted = waveNumber;
        job.nextWaveAt = now.plus(job.waveInterval());
        job.updatedAt = now;
        record(job, "fleet.remediation-wave", (waveNumber == 1 ? "Canary wave" : "Wave " + waveNumber) + ": "
                + wave.size() + " routers", "requested");
    }

    /** Per router, the baseline value of every parameter its current configuration breaks. */
    private Map<UUID, Map<String, String>> reverts(Map<UUID, Router> routers) {
        Map<UUID, Map<String, String>> out = new HashMap<>();
        Map<String, List<BaselineParameter>> rules = new HashMap<>();
        List<CurrentParameter> current = CurrentParameter.list("key.routerId in ?1", List.copyOf(routers.keySet()));
        for (CurrentParameter parameter : current) {
            Router router = routers.get(parameter.routerId());
            List<BaselineParameter> ofModel = rules.computeIfAbsent(router.model + "\u0000" + router.firmware,
                    k -> baselines.forRouter(router.model,
                            router.firmware).map(Baseline::parameters).orElse(List.of()));
            ofModel.stream().filter(rule -> rule.covers(parameter.path()))
                    .filter(rule -> rule.deviates(parameter.value, parameter.source)).findFirst()
                    .ifPresent(rule -> out.computeIfAbsent(router.id, id -> new LinkedHashMap<>())
                            .put(parameter.path(), rule.revertValue()));
        }
        return out;
    }

    private static void settle(RemediationTarget target, TargetState state, String detail, Instant now) {
        target.state = state;
        target.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        target.updatedAt = now;
    }

    private static JobProgress progressOf(UUID jobId) {
        return JobProgress.of(RemediationTarget.getEntityManager().createQuery(
                "select t.state, count(t) from RemediationTarget t where t.key.jobId = ?1 group by t.state",
                Object[].class).setParameter(1, jobId).getResultList());
    }

    private void record(RemediationJob job, String action, String reason, String outcome) {
        audit.append(new AuditRecord(Actor.SYSTEM.id(), Actor.SYSTEM.role(), null, action, job.title + " (job "
                + job.id + ")", reason, outcome));
    }
}
