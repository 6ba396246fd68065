package io.homeshield.portal;

import java.util.UUID;

import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads what the pages stored, each in its own transaction. */
final class PortalTestData {

    private PortalTestData() {
    }

    static long actionsFor(UUID deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count("deviceId", deviceId));
    }

    static long actionsFor(UUID deviceId, ActionKind kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> EnforcementAction.count("deviceId = ?1 and kind = ?2", deviceId, kind));
    }

    static EnforcementAction onlyAction(UUID deviceId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> EnforcementAction.<EnforcementAction>find("deviceId", deviceId).singleResult());
    }

    static DeviceQuarantine quarantineOf(UUID deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> DeviceQuarantine.findById(deviceId));
    }

    static Household household(HouseholdId id) {
        return QuarkusTransaction.requiringNew().call(() -> Household.findById(id.value()));
    }

    static void describe(Device device, String vendor, String ip, boolean online) {
        QuarkusTransaction.requiringNew().run(() -> {
            Device stored = Device.findById(device.id);
            stored.vendor = vendor;
            stored.ipAddress = ip;
            stored.online = online;
        });
    }
}
