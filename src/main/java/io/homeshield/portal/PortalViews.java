package io.homeshield.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.activity.ActionRow;
import io.homeshield.activity.ActivityViews;
import io.homeshield.activity.AlertRow;
import io.homeshield.activity.DeviceListQueries;
import io.homeshield.activity.DeviceRow;
import io.homeshield.alert.AlertQueries;
import io.homeshield.enforcement.ActionQueries;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;

/** Puts together the overview and the device list, always within one household, in a bounded number of queries. */
@ApplicationScoped
public class PortalViews {

    private static final int RECENT = 5;
    private static final int RECENT_ACTIVITY = 6;

    private final DeviceQueries devices;
    private final AlertQueries alerts;
    private final ActionQueries actions;
    private final BlockedDomainService blocks;
    private final ActivityViews activity;
    private final DeviceListQueries deviceList;

    PortalViews(DeviceQueries devices, AlertQueries alerts, ActionQueries actions,
            BlockedDomainService blocks, ActivityViews activity, DeviceListQueries deviceList) {
        this.devices = devices;
        this.alerts = alerts;
        this.actions = actions;
        this.blocks = blocks;
        this.activity = activity;
        this.deviceList = deviceList;
    }

    DashboardView dashboard(HouseholdId household, boolean canAct) {
        List<Device> all = devices.list(household);
        Map<UUID, String> names = names(all);
        Set<UUID> quarantined = quarantinedDevices(household);
        Map<UUID, Long> openByDevice = alerts.countOpenByDevice(household);
        long needAttention = openByDevice.keySet().stream().filter(id -> !quarantined.contains(id)).count();
        long openCount = openByDevice.values().stream().mapToLong(Long::longValue).sum();
        List<AlertRow> openRows = AlertRow.attentionFirst(alerts.openNewest(household, RECENT).stream()
                .map(a -> new AlertRow(a, names.getOrDefault(a.deviceId, ""), quarantined.contains(a.deviceId)))
                .toList());
        List<ActionRow> recent = actions.recent(household, RECENT).stream()
                .map(a -> new ActionRow(a, names.getOrDefault(a.deviceId, a.targetMac == null ? "" : a.targetMac)))
                .toList();
        return new DashboardView(Household.findById(household.value()), all.stream().filter(d -> d.online).count(),
                all.size(), needAttention, quarantined.size(), openCount, blocks.list(household).size(), openRows,
                recent, activity.recent(household, RECENT_ACTIVITY), NextStep.of(openRows, all, canAct));
    }

    /**
     * The household's devices with their quarantine, alert and new chips: flagged ones first, then
     * quarantined ones, then the rest, each group by name, so a list keeps its order between visits.
     */
    public List<DeviceRow> deviceRows(HouseholdId household) {
        return deviceList.rows(household);
    }

    DeviceListView deviceList(HouseholdId household, String query, String show) {
        String filter = show != null && DeviceRow.FILTERS.contains(show) ? show : "all";
        String words = query == null ? "" : query.strip();
        List<DeviceRow> all = deviceRows(household);
        List<DeviceRow> shown = all.stream().filter(r -> r.matches(words, filter)).toList();
        return new DeviceListView(shown, all.size(), words, filter, DeviceRow.FILTERS);
    }

    Optional<Device> device(HouseholdId household, UUID deviceId) {
        return devices.find(household, deviceId);
    }

    List<Device> devices(HouseholdId household) {
        return devices.list(household);
    }

    /** Makes a repeated submit of the same form one action, not two. */
    static String newRequestKey() {
        return "portal-" + UUID.randomUUID();
    }

    Optional<DeviceQuarantine> activeQuarantine(HouseholdId household, UUID deviceId) {
        return deviceList.activeQuarantine(household, deviceId);
    }

    Set<UUID> quarantinedDevices(HouseholdId household) {
        return deviceList.quarantinedDevices(household);
    }

    static Map<UUID, String> names(List<Device> devices) {
        return devices.stream().collect(Collectors.toMap(d -> d.id, DeviceWords::friendlyName, (a, b) -> a));
    }
}
