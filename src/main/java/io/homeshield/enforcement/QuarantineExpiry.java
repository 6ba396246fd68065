package io.homeshield.enforcement;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.OncePerCluster;
import io.quarkus.scheduler.Scheduled;

/** Lifts quarantines whose time is up, through the same release path a person uses. */
@ApplicationScoped
class QuarantineExpiry {

    private static final int SKIP_LOCKED = -2;

    private final QuarantineService quarantines;
    private final Clock clock;

    QuarantineExpiry(QuarantineService quarantines, Clock clock) {
        this.quarantines = quarantines;
        this.clock = clock;
    }

    @Scheduled(identity = "enforcement.quarantine-expiry", every = "${homeshield.enforcement.expiry-interval:15s}",
            delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = OncePerCluster.class)
    @Transactional
    void liftExpired() {
        List<DeviceQuarantine> expired = DeviceQuarantine.<DeviceQuarantine>find("expiresAt <= ?1", clock.instant())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, 100).list();
        for (DeviceQuarantine quarantine : expired) {
            quarantines.release(new HouseholdId(quarantine.householdId), quarantine.deviceId, Actor.SYSTEM,
                    "The quarantine's time was up.", null);
        }
    }
}
