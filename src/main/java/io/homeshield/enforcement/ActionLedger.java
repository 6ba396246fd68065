package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.inventory.Router;
import io.homeshield.net.MacAddress;

/**
 * The dispatcher's short transactions: claim due actions (rows locked with SKIP LOCKED, so several
 * instances never take the same one) and record each outcome. Never open during a router call.
 */
@ApplicationScoped
class ActionLedger {

    /** {@code jakarta.persistence.lock.timeout} value Hibernate renders as SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    private final EnforcementConfig config;
    private final RouterBlocklistQueries blocks;
    private final AuditLog audit;
    private final Clock clock;

    ActionLedger(EnforcementConfig config, RouterBlocklistQueries blocks, AuditLog audit, Clock clock) {
        this.config = config;
        this.blocks = blocks;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<DispatchJob> claimDue(int limit) {
        Instant now = clock.instant();
        List<EnforcementAction> due = EnforcementAction.<EnforcementAction>find(
                "state in ?1 and nextAttemptAt <= ?2 order by requestedAt",
                List.of(ActionState.REQUESTED, ActionState.DISPATCHED, ActionState.APPLIED), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, limit).list();
        List<DispatchJob> jobs = new ArrayList<>(due.size());
        for (EnforcementAction action : due) {
            boolean verifyOnly = action.state == ActionState.APPLIED;
            action.attempts++;
            action.state = verifyOnly ? ActionState.APPLIED : ActionState.DISPATCHED;
            action.nextAttemptAt = now.plus(config.lease());
            action.updatedAt = now;
            action.dispatchedBy = config.instanceId();
            boolean sync = action.kind == ActionKind.SYNC_DOMAIN_BLOCKS;
            Map<String, String> values = ParameterValues.decode(action.parameters);
            jobs.add(new DispatchJob(action.id, action.kind, action.kind.routerWide() ? null
                    : MacAddress.of(action.targetMac),
                    levelOf(action), sync ? blocks.blocklistOf(action.routerId) : null,
                    targetOf(Router.findById(action.routerId)), verifyOnly, action.attempts, values,
                    action.kind == ActionKind.INSTALL_FIRMWARE ? FirmwareImage.from(values) : null));
        }
        return jobs;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void applied(DispatchJob job) {
        EnforcementAction action = EnforcementAction.findById(job.actionId());
        action.state = ActionState.APPLIED;
        action.lastError = null;
        action.updatedAt = clock.instant();
        action.appliedAt = action.updatedAt;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void verified(DispatchJob job) {
        EnforcementAction action = EnforcementAction.findById(job.actionId());
        action.state = ActionState.VERIFIED;
        action.lastError = null;
        action.updatedAt = clock.instant();
        record(action, "verified", null);
    }

    /** The router took the change but does not show it yet: read back again later, or give up. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void appliedNotConfirmed(DispatchJob job, String reason) {
        EnforcementAction action = EnforcementAction.findById(job.actionId());
        Instant now = clock.instant();
        action.updatedAt = now;
        if (action.attempts >= config.maxAttempts()) {
            fail(action, "The router accepted the change but does not show it: " + reason);
            return;
        }
        action.state = ActionState.APPLIED;
        action.lastError = reason;
        action.nextAttemptAt = now.plus(backoff(action.attempts));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failedAttempt(DispatchJob job, String reason, boolean retryable) {
        EnforcementAction action = EnforcementAction.findById(job.actionId());
        Instant now = clock.instant();
        action.updatedAt = now;
        if (!retryable) {
            fail(action, reason);
            return;
        }
        if (action.kind.operation() && action.attempts >= config.maxAttempts()) {
            fail(action, "Gave up after " + action.attempts + " attempts. " + reason);
            return;
        }
        if (!now.isBefore(action.requestedAt.plus(config.giveUpAfter()))) {
            fail(action, "Gave up after trying for " + inWords(config.giveUpAfter()) + ". " + reason);
            return;
        }
        action.state = job.verifyOnly() ? ActionState.APPLIED : ActionState.REQUESTED;
        action.lastError = reason;
        action.nextAttemptAt = now.plus(backoff(action.attempts));
    }

    private void fail(EnforcementAction action, String reason) {
        action.state = ActionState.FAILED;
        action.lastError = reason.length() > 500 ? reason.substring(0, 500) : reason;
        record(action, "failed", action.lastError);
    }

    private static String inWords(Duration period) {
        return period.toHours() >= 1 ? period.toHours() + " hours" : period.toMinutes() + " minutes";
    }

    private Duration backoff(int attempts) {
        return new Backoff(config.backoff(), config.maxBackoff()).after(attempts);
    }

    private void record(EnforcementAction action, String outcome, String reason) {
        String act = switch (action.kind) {
            case QUARANTINE -> "device.quarantine";
            case RELEASE -> "device.release";
            case SYNC_DOMAIN_BLOCKS -> "router.domain-blocks";
            case SET_PARAMETERS -> "router.settings";
            case REBOOT -> "router.reboot";
            case FACTORY_RESET -> "router.factory-reset";
            case INSTALL_FIRMWARE -> "router.firmware";
            case COLLECT_EVIDENCE -> "router.evidence";
        };
        String target = action.targetMac != null ? action.targetMac : "router " + action.routerId;
        audit.append(new AuditRecord(Actor.SYSTEM.id(), Actor.SYSTEM.role(), action.householdId, act, target, reason,
                outcome));
    }

    private static QuarantineLevel levelOf(EnforcementAction action) {
        if (action.kind != ActionKind.QUARANTINE || action.deviceId == null) {
            return null;
        }
        DeviceQuarantine desired = DeviceQuarantine.findById(action.deviceId);
        return desired == null ? QuarantineLevel.FULL : desired.level;
    }

    private static RouterTarget targetOf(Router router) {
        return RouterTarget.of(router);
    }
}
