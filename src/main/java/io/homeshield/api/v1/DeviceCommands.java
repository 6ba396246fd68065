package io.homeshield.api.v1;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.inventory.DeviceQueries;

/**
 * Quarantine and release as the mobile apps ask for them: the app may retry a request with the same
 * {@code Idempotency-Key} and gets the first action back, never a second one.
 */
@ApplicationScoped
class DeviceCommands {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 100;

    private final QuarantineService quarantines;
    private final DeviceQueries devices;

    DeviceCommands(QuarantineService quarantines, DeviceQueries devices) {
        this.quarantines = quarantines;
        this.devices = devices;
    }

    ActionDto quarantine(HouseholdId household, UUID deviceId, QuarantineRequest request, Actor actor, String key) {
        QuarantineRequest wanted = request == null ? new QuarantineRequest(null, null) : request;
        QuarantineLevel level = wanted.quarantineLevel();
        Duration forHowLong = wanted.forHowLong();
        return run(household, deviceId, ActionKind.QUARANTINE, key,
                () -> quarantines.quarantine(household, deviceId, level, forHowLong, actor, null, key));
    }

    ActionDto release(HouseholdId household, UUID deviceId, Actor actor, String key) {
        return run(household, deviceId, ActionKind.RELEASE, key,
                () -> quarantines.release(household, deviceId, actor, null, key));
    }

    private ActionDto run(HouseholdId household, UUID deviceId, ActionKind kind, String key,
            Supplier<EnforcementAction> command) {
        validKey(key);
        devices.find(household, deviceId).orElseThrow(() -> ProblemException.notFound("Device"));
        EnforcementAction action;
        try {
            action = command.get();
        } catch (RuntimeException e) {
            if (!lostToConcurrentWrite(e)) {
                throw e;
            }
            // a concurrent request with the same key, for another device, committed first: answer as a retry would
            action = command.get();
        }
        if (!deviceId.equals(action.deviceId) || action.kind != kind) {
            throw new ProblemException(ProblemType.CONFLICT,
                    IDEMPOTENCY_KEY + " was already used for a different request.",
                    List.of(new Problem.Violation(IDEMPOTENCY_KEY, "already used for a different request")));
        }
        return ActionDto.of(action);
    }

    private static void validKey(String key) {
        if (key == null) {
            return;
        }
        if (key.isBlank()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must not be blank");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** The unique constraint a concurrent request with the same key can hit first. */
    private static final String IDEMPOTENCY_CONSTRAINT = "enforcement_action_idempotency";

    private static boolean lostToConcurrentWrite(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && IDEMPOTENCY_CONSTRAINT.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
