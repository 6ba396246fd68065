package io.homeshield.api.v1;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertLifecycle;
import io.homeshield.audit.Actor;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.PlainText;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceIdentity;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.inventory.DeviceType;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the apps do to a device: quarantine, release, trust, and its name and type. */
@ApplicationScoped
class DeviceCommands {

    private final QuarantineService quarantines;
    private final DeviceQueries devices;
    private final DeviceIdentity identity;
    private final AlertLifecycle alerts;

    DeviceCommands(QuarantineService quarantines, DeviceQueries devices, DeviceIdentity identity,
            AlertLifecycle alerts) {
        this.quarantines = quarantines;
        this.devices = devices;
        this.identity = identity;
        this.alerts = alerts;
    }

    ActionDto quarantine(HouseholdId household, UUID deviceId, QuarantineRequest request, Actor actor) {
        QuarantineRequest wanted = request == null ? new QuarantineRequest(null, null) : request;
        QuarantineLevel level = wanted.quarantineLevel();
        Duration forHowLong = wanted.forHowLong();
        requireDevice(household, deviceId);
        return ActionDto.of(quarantines.quarantine(household, deviceId, level, forHowLong, actor, null, null));
    }

    ActionDto release(HouseholdId household, UUID deviceId, Actor actor) {
        requireDevice(household, deviceId);
        return ActionDto.of(quarantines.release(household, deviceId, actor, null, null));
    }

    /** Marks each of the device's active alerts "not a threat"; answers how many. */
    int trust(HouseholdId household, UUID deviceId, FeedbackRequest request, Actor actor) {
        return alerts.markDeviceNotAThreat(household, deviceId, actor, request == null ? null
                : request.checkedComment());
    }

    /** Checks {@code ifMatch} and edits under the device's row lock, so two edits from one ETag cannot both win. */
    Device describe(HouseholdId household, UUID deviceId, DeviceEdit edit, String ifMatch, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Device device = devices.findForUpdate(household, deviceId)
                    .orElseThrow(() -> ProblemException.notFound("Device"));
            ETags.require(ifMatch, DeviceDto.etag(device.userLabel, device.type));
            String label = edit.name() == null ? device.userLabel : PlainText.require("name", edit.name());
            DeviceType type = edit.type() == null ? device.type : ApiProblems.oneOf(DeviceType.class, "type",
                    edit.type()).orElseThrow(() -> ProblemException.invalid("type", "must not be empty; leave it out"
                            + " to keep the type"));
            return identity.describe(household, deviceId, label, type, actor);
        });
    }

    private Device requireDevice(HouseholdId household, UUID deviceId) {
        return devices.find(household, deviceId).orElseThrow(() -> ProblemException.notFound("Device"));
    }
}
