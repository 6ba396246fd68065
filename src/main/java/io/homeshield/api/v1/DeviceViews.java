package io.homeshield.api.v1;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertQueries;
import io.homeshield.enforcement.ActionQueries;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;

/** Reads a household's devices with their quarantine and open alerts, as the API presents them. */
@ApplicationScoped
class DeviceViews {

    static final int RECENT_ACTIONS = 20;

    private final DeviceQueries devices;
    private final AlertQueries alerts;
    private final QuarantineService quarantines;
    private final ActionQueries actions;

    DeviceViews(DeviceQueries devices, AlertQueries alerts, QuarantineService quarantines, ActionQueries actions) {
        this.devices = devices;
        this.alerts = alerts;
        this.quarantines = quarantines;
        this.actions = actions;
    }

    List<DeviceDto> list(HouseholdId household, Optional<Boolean> online) {
        Map<UUID, DeviceQuarantine> quarantined = quarantines.quarantinesOf(household);
        Map<UUID, Long> openAlerts = alerts.countOpenByDevice(household);
        return devices.list(household).stream()
                .filter(d -> online.isEmpty() || d.online == online.get())
                .map(d -> DeviceDto.of(d, quarantined.get(d.id), openAlerts.getOrDefault(d.id, 0L)))
                .toList();
    }

    DeviceDto get(HouseholdId household, UUID deviceId) {
        Device device = require(household, deviceId);
        return DeviceDto.of(device, quarantines.quarantineOf(household, deviceId).orElse(null),
                alerts.countOpen(household, deviceId));
    }

    List<ActionDto> recentActions(HouseholdId household, UUID deviceId) {
        require(household, deviceId);
        return actions.forDevice(household, deviceId, RECENT_ACTIONS).stream().map(ActionDto::of).toList();
    }

    ActionDto action(HouseholdId household, UUID actionId) {
        return actions.find(household, actionId).map(ActionDto::of)
                .orElseThrow(() -> ProblemException.notFound("Action"));
    }

    private Device require(HouseholdId household, UUID deviceId) {
        return devices.find(household, deviceId).orElseThrow(() -> ProblemException.notFound("Device"));
    }
}
