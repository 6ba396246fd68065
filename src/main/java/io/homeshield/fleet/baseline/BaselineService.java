package io.homeshield.fleet.baseline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;

/** The provider's baselines: which one applies to a router, and analysts' edits, each audited with its reason. */
@ApplicationScoped
public class BaselineService {

    private final AuditLog audit;
    private final Clock clock;

    BaselineService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The baseline of the router's model and firmware, else of its model for every firmware. */
    public Optional<Baseline> forRouter(String model, String firmware) {
        Baseline exact = Baseline.find("model = ?1 and firmware = ?2", model, firmware).firstResult();
        if (exact != null) {
            return Optional.of(exact);
        }
        return Baseline.find("model = ?1 and firmware = ''", model).firstResultOptional();
    }

    /** The baseline or baseline rule ({@link BaselineParameter}) with this id, or empty. */
    public <T> Optional<T> find(Class<T> type, UUID id) {
        if (type != Baseline.class && type != BaselineParameter.class) {
            throw new IllegalArgumentException("not a baseline: " + type);
        }
        return Optional.ofNullable(Baseline.getEntityManager().find(type, id));
    }

    public List<Baseline> all() {
        return Baseline.list("order by model, firmware");
    }

    @Transactional
    public Baseline save(String model, String firmware, String allowedFirmware, Actor actor, String reason) {
        Baseline baseline = Baseline.find("model = ?1 and firmware = ?2", model, firmware).firstResult();
        boolean created = baseline == null;
        if (created) {
            baseline = new Baseline();
            baseline.id = UUID.randomUUID();
            baseline.model = model;
            baseline.firmware = firmware;
        }
        baseline.allowedFirmware = allowedFirmware;
        touch(baseline, actor);
        if (created) {
            baseline.persist();
        }
        record(actor, created ? "fleet.baseline-create" : "fleet.baseline-update",
                baseline.label() + ": allowed firmware " + allowedFirmware, reason);
        return baseline;
    }

    @Transactional
    public BaselineParameter saveParameter(UUID baselineId, String path, String expected, boolean subscriberMayChange,
            RevertMode mode, Actor actor, String reason) {
        Baseline baseline = Baseline.findById(baselineId);
        if (baseline == null) {
            throw new IllegalArgumentException("no such baseline");
        }
        BaselineParameter parameter = BaselineParameter.find("baselineId = ?1 and path = ?2", baselineId, path)
                .firstResult();
        if (parameter == null) {
            parameter = new BaselineParameter();
            parameter.id = UUID.randomUUID();
            parameter.baselineId = baselineId;
            parameter.path = path;
        }
        parameter.expected = expected;
        parameter.subscriberMayChange = subscriberMayChange;
        parameter.revertMode = mode;
        if (!parameter.isPersistent()) {
            parameter.persist();
        }
        touch(baseline, actor);
        record(actor, "fleet.baseline-parameter", baseline.label() + ": " + path + " = " + expected + " ("
                + (subscriberMayChange ? "subscribers may change it" : "subscribers may not change it") + ", revert "
                + mode + ")", reason);
        return parameter;
    }

    @Transactional
    public void removeParameter(UUID parameterId, Actor actor, String reason) {
        BaselineParameter parameter = BaselineParameter.findById(parameterId);
        if (parameter == null) {
            return;
        }
        Baseline baseline = Baseline.findById(parameter.baselineId);
        parameter.delete();
        touch(baseline, actor);
        record(actor, "fleet.baseline-parameter-remove", baseline.label() + ": " + parameter.path, reason);
    }

    private void touch(Baseline baseline, Actor actor) {
        baseline.updatedBy = actor.id();
        baseline.updatedAt = now();
    }

    private void record(Actor actor, String action, String target, String reason) {
        audit.append(new AuditRecord(actor.id(), actor.role(), null, action, target, reason, "done"));
    }

    private Instant now() {
        return clock.instant();
    }
}
