package io.homeshield.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.homeshield.activity.ActionRow;
import io.homeshield.activity.AlertRow;
import io.homeshield.activity.DeviceRow;
import io.homeshield.alert.AlertStatus;
import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.household.Household;
import io.homeshield.inventory.Router;

/** Everything staff need about one household, on one page: what the subscriber sees, and what was done. */
public record HouseholdFile(Household household, List<Router> routers, List<DeviceRow> devices,
        List<AlertRow> alerts, List<ActionRow> actions, List<BlockedDomain> blocks, List<AuditEntry> activity,
        Map<UUID, String> routerNotes) {

    /** What the router cannot do for HomeShield, in plain words; empty when nothing is known. */
    public String routerNote(UUID routerId) {
        return routerNotes.getOrDefault(routerId, "");
    }

    public long openAlerts() {
        return alerts.stream().filter(a -> a.alert().status == AlertStatus.OPEN).count();
    }

    public String deviceName(UUID deviceId) {
        return devices.stream().filter(d -> d.device().id.equals(deviceId)).map(d -> d.device().displayName())
                .findFirst().orElse("every device");
    }
}
