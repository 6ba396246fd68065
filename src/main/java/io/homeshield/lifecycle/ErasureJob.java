package io.homeshield.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.audit.AuditRedaction;
import io.homeshield.audit.AuditSealer;
import io.homeshield.enforcement.DesiredStateWithdrawal;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.OncePerCluster;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Carries out erasures whose grace period is over, on one replica of the cluster: first the
 * household's quarantines and blocklists are taken off its routers through the outbox; once the
 * routers have answered (or {@code withdraw-at-most} has passed) every personal record is deleted,
 * the routers with it (which deregisters them: their credentials are gone), and the household's
 * audit entries are pseudonymised.
 */
@ApplicationScoped
public class ErasureJob {

    static final String JOB = "lifecycle.erasure";

    private final DesiredStateWithdrawal withdrawal;
    private final HouseholdDeletion deletion;
    private final AuditRedaction redaction;
    private final AuditSealer sealer;
    private final AuditLog audit;
    private final OncePerCluster cluster;
    private final ErasureConfig config;
    private final Clock clock;

    ErasureJob(DesiredStateWithdrawal withdrawal, HouseholdDeletion deletion, AuditRedaction redaction,
            AuditSealer sealer, AuditLog audit, OncePerCluster cluster, ErasureConfig config, Clock clock) {
        this.withdrawal = withdrawal;
        this.deletion = deletion;
        this.redaction = redaction;
        this.sealer = sealer;
        this.audit = audit;
        this.cluster = cluster;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${homeshield.erasure.every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (cluster.claim(JOB, config.lease())) {
            runOnce();
        }
    }

    /** Moves every due erasure one step on; returns how many households were erased. */
    public int runOnce() {
        for (UUID household : due(HouseholdErasure.State.PENDING)) {
            withdraw(household);
        }
        int erased = 0;
        for (UUID household : due(HouseholdErasure.State.WITHDRAWING)) {
            sealer.seal();
            if (erase(household)) {
                erased++;
            }
        }
        return erased;
    }

    @Transactional
    List<UUID> due(HouseholdErasure.State state) {
        return HouseholdErasure.<HouseholdErasure>list("state = ?1 and dueAt <= ?2", state, clock.instant()).stream()
                .map(e -> e.householdId).toList();
    }

    @Transactional
    void withdraw(UUID household) {
        HouseholdErasure erasure = HouseholdErasure.of(household).orElseThrow();
        Household row = Household.findById(household);
        row.autoQuarantine = false;
        erasure.withdrawingSince = clock.instant();
        erasure.state = HouseholdErasure.State.WITHDRAWING;
        List<UUID> actions = withdrawal.withdrawAll(new HouseholdId(household), Actor.SYSTEM);
        audit.append(new AuditRecord(Actor.SYSTEM.id(), Actor.SYSTEM.role(), household, "household.erasure-withdraw",
                actions.size() + " instructions to the routers", null, "requested"));
    }

    /** False while the routers have not answered yet; new desired state since the withdrawal is withdrawn too. */
    @Transactional
    boolean erase(UUID household) {
        HouseholdErasure erasure = HouseholdErasure.of(household).orElseThrow();
        HouseholdId id = new HouseholdId(household);
        Instant now = clock.instant();
        if (withdrawal.anyLeft(id)) {
            withdrawal.withdrawAll(id, Actor.SYSTEM);
            return false;
        }
        if (!withdrawal.settled(id) && now.isBefore(erasure.withdrawingSince.plus(config.withdrawAtMost()))) {
            return false;
        }
        long rows = deletion.delete(household);
        erasure = HouseholdErasure.of(household).orElseThrow();
        int entries = redaction.redactHousehold(household);
        erasure.householdId = null;
        erasure.reason = null;
        if ("subscriber".equals(erasure.requestedRole)) {
            erasure.requestedBy = "person";
        }
        erasure.state = HouseholdErasure.State.ERASED;
        erasure.erasedAt = now.truncatedTo(ChronoUnit.MICROS);
        audit.append(new AuditRecord(Actor.SYSTEM.id(), Actor.SYSTEM.role(), erasure.pseudonym, "household.erased",
                rows + " records deleted, " + entries + " audit entries pseudonymised", null, "erased"));
        Log.infof("Household erased: %d records deleted, %d audit entries pseudonymised", rows, entries);
        return true;
    }
}
