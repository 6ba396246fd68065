package io.homeshield.api.v1;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.activity.DeviceFilter;
import io.homeshield.activity.DeviceListQueries;
import io.homeshield.activity.ListedDevice;
import io.homeshield.alert.AlertQueries;
import io.homeshield.api.v1.Pages.NamePosition;
import io.homeshield.api.v1.Pages.Page;
import io.homeshield.api.v1.Pages.PageRequest;
import io.homeshield.enforcement.ActionQueries;
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
    private final DeviceListQueries deviceList;
    private final AlertQueries alerts;
    private final QuarantineService quarantines;
    private final ActionQueries actions;

    DeviceViews(DeviceQueries devices, DeviceListQueries deviceList, AlertQueries alerts,
            QuarantineService quarantines, ActionQueries actions) {
        this.devices = devices;
        this.deviceList = deviceList;
        this.alerts = alerts;
        this.quarantines = quarantines;
        this.actions = actions;
    }

    /** Ordered by name (then id, so that names shared by several devices page correctly); reads only the page. */
    Page<DeviceDto> list(HouseholdId household, DeviceFilter filter, PageRequest page) {
        NamePosition after = NamePosition.after(page);
        List<ListedDevice> rows = after == null
                ? deviceList.byName(household, filter, null, null, page.limit() + 1)
                : deviceList.byName(household, filter, after.name(), after.id(), page.limit() + 1);
        Page<ListedDevice> cut = Pages.cut(rows, d -> NamePosition.key(d.sortName(), d.device().id), page.limit());
        return cut.map(d -> DeviceDto.of(d.device(), d.quarantine(), d.openAlerts()));
    }

    DeviceDto get(HouseholdId household, UUID deviceId) {
        return of(household, require(household, deviceId));
    }

    DeviceDto of(HouseholdId household, Device device) {
        UUID deviceId = device.id;
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
