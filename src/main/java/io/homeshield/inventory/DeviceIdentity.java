package io.homeshield.inventory;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;

/** What the household calls a device and what kind of thing it is; their word beats what the network reports. */
@ApplicationScoped
public class DeviceIdentity {

    static final int MAX_LABEL = 100;

    private final DeviceQueries devices;
    private final AuditLog audit;

    DeviceIdentity(DeviceQueries devices, AuditLog audit) {
        this.devices = devices;
        this.audit = audit;
    }

    /** Sets the device's own name (blank removes it, so the network's name shows again) and its type. */
    @Transactional
    public Device describe(HouseholdId household, UUID deviceId, String label, DeviceType type, Actor actor) {
        Device device = devices.findForUpdate(household, deviceId).orElseThrow(()
                -> ProblemException.notFound("Device"));
        String name = label == null || label.isBlank() ? null : label.strip();
        if (name != null && name.length() > MAX_LABEL) {
            throw ProblemException.invalid("label", "at most " + MAX_LABEL + " characters");
        }
        if (type == null) {
            throw ProblemException.invalid("type", "choose a device type");
        }
        boolean changed = !Objects.equals(name, device.userLabel) || type != device.type;
        device.userLabel = name;
        device.type = type;
        if (changed) {
            audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "device.describe",
                    device.mac + (name == null ? "" : " as " + name), null, "done"));
        }
        return device;
    }
}
