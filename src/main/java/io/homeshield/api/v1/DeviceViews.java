package io.homeshield.api.v1;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertQueries;
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
    private final AlertQueries alerts;
    private final QuarantineService quarantines;
    private final ActionQueries actions;

    DeviceViews(DeviceQueries devices, AlertQueries alerts, QuarantineService quarantines, ActionQueries actions) {
        this.devices = devices;
        this.alerts = alerts;
        this.quarantines = quarantines;
        this.actions = actions;
    }

    /** Which devices a list shows; empty parts do not filter. */
    record Filter(Optional<Boolean> online, Optional<Boolean> quarantined, Optional<DeviceType> type, String text) {

        boolean accepts(DeviceDto device) {
            return online.map(o -> device.online() == o).orElse(true)
                    && quarantined.map(q -> (device.quarantine() != null) == q).orElse(true)
                    && type.map(t -> device.type() == t).orElse(true)
                    && (text == null || text.isBlank() || contains(device, text.strip().toLowerCase(Locale.ROOT)));
        }

        private static boolean contains(DeviceDto device, String text) {
            return Stream.of(device.name(), device.hostname(), device.vendor(), device.mac(), device.ip())
                    .anyMatch(value -> value != null && value.toLowerCase(Locale.ROOT).contains(text));
        }
    }

    /** Ordered by name (then id, so that names shared by several devices page correctly). */
    Page<DeviceDto> list(HouseholdId household, Filter filter, PageRequest page) {
        Map<UUID, DeviceQuarantine> quarantined = quarantines.quarantinesOf(household);
        Map<UUID, Long> openAlerts = alerts.countOpenByDevice(household);
        List<DeviceDto> matching = devices.list(household).stream()
                .map(d -> DeviceDto.of(d, quarantined.get(d.id), openAlerts.getOrDefault(d.id, 0L)))
                .filter(filter::accepts)
                .toList();
        return Pages.of(matching, d -> d.name().toLowerCase(Locale.ROOT) + "\u0000" + d.id(), page);
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
