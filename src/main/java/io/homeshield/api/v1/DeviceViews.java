package io.homeshield.api.v1;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertQueries;
import io.homeshield.api.v1.Pages.NamePosition;
import io.homeshield.api.v1.Pages.Page;
import io.homeshield.api.v1.Pages.PageRequest;
import io.homeshield.enforcement.ActionQueries;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.inventory.DeviceType;

/** Reads a household's devices with their quarantine and open alerts, as the API presents them. */
@ApplicationScoped
class DeviceViews {

    static final int RECENT_ACTIONS = 20;

    private final DeviceQueries devices;
    private final DeviceListQuery listQuery;
    private final AlertQueries alerts;
    private final QuarantineService quarantines;
    private final ActionQueries actions;

    DeviceViews(DeviceQueries devices, DeviceListQuery listQuery, AlertQueries alerts, QuarantineService quarantines,
            ActionQueries actions) {
        this.devices = devices;
        this.listQuery = listQuery;
        this.alerts = alerts;
        this.quarantines = quarantines;
        this.actions = actions;
    }

    /** Which devices a list shows; empty parts do not filter. */
    record Filter(Optional<Boolean> online, Optional<Boolean> quarantined, Optional<DeviceType> type, String text) {
    }

    /** Ordered by name (then id, so that names shared by several devices page correctly); reads only the page. */
    Page<DeviceDto> list(HouseholdId household, Filter filter, PageRequest page) {
        List<DeviceListQuery.Row> rows = listQuery.read(household, filter, NamePosition.after(page), page.limit() + 1);
        Page<DeviceListQuery.Row> cut = Pages.cut(rows, DeviceListQuery.Row::key, page.limit());
        List<UUID> ids = DeviceListQuery.ids(cut.items());
        Map<UUID, DeviceQuarantine> quarantined = ids.isEmpty() ? Map.of()
                : DeviceQuarantine.<DeviceQuarantine>list("deviceId in ?1", ids).stream()
                        .collect(Collectors.toMap(q -> q.deviceId, q -> q));
        Map<UUID, Long> openAlerts = ids.isEmpty() ? Map.of() : listQuery.openAlerts(household, ids);
        return cut.map(r -> DeviceDto.of(r.device(), quarantined.get(r.device().id),
                openAlerts.getOrDefault(r.device().id, 0L)));
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
