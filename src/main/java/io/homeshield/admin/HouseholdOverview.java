package io.homeshield.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import io.homeshield.activity.ActionRow;
import io.homeshield.activity.AlertRow;
import io.homeshield.activity.DeviceListQueries;
import io.homeshield.activity.DeviceRow;
import io.homeshield.alert.AlertQueries;
import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.enforcement.ActionQueries;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.enforcement.RouterCapabilityNotes;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.inventory.Router;

/** Puts a household's 360° file together for staff; every look is recorded in the audit log. */
@ApplicationScoped
class HouseholdOverview {

    private static final int ALERTS = 50;
    private static final int ACTIONS = 20;
    private static final int ACTIVITY = 30;

    private final DeviceQueries devices;
    private final AlertQueries alerts;
    private final ActionQueries actions;
    private final BlockedDomainService blocks;
    private final DeviceListQueries deviceList;
    private final AuditLog audit;
    private final Instance<RouterCapabilityNotes> notes;

    HouseholdOverview(DeviceQueries devices, AlertQueries alerts, ActionQueries actions, BlockedDomainService blocks,
            DeviceListQueries deviceList, AuditLog audit, Instance<RouterCapabilityNotes> notes) {
        this.devices = devices;
        this.alerts = alerts;
        this.actions = actions;
        this.blocks = blocks;
        this.deviceList = deviceList;
        this.audit = audit;
        this.notes = notes;
    }

    @Transactional
    Optional<HouseholdFile> open(UUID householdId, Actor staff) {
        Household household = Household.findById(householdId);
        if (household == null) {
            return Optional.empty();
        }
        HouseholdId id = household.householdId();
        audit.append(new AuditRecord(staff.id(), staff.role(), household.id, "household.view",
                household.accountNumber, null, "shown"));
        List<DeviceRow> rows = deviceList.rows(id);
        Map<UUID, String> names = rows.stream()
                .collect(Collectors.toMap(r -> r.device().id, r -> r.device().displayName()));
        List<AlertRow> alertRows = alerts.list(id).stream().limit(ALERTS)
                .map(a -> new AlertRow(a, names.getOrDefault(a.deviceId, ""))).toList();
        List<ActionRow> actionRows = actions.recent(id, ACTIONS).stream()
                .map(a -> new ActionRow(a, a.deviceId == null ? household.displayName : names.getOrDefault(a.deviceId,
                        a.targetMac)))
                .toList();
        List<Router> routers = devices.routers(id);
        return Optional.of(new HouseholdFile(household, routers, rows, alertRows, actionRows,
                blocks.list(id), audit.recentFor(household.id, ACTIVITY), notesFor(routers)));
    }

    private Map<UUID, String> notesFor(List<Router> routers) {
        Map<UUID, String> byRouter = new HashMap<>();
        for (Router router : routers) {
            notes.stream().filter(n -> n.channel() == router.channel).findFirst()
                    .flatMap(n -> n.noteFor(router))
                    .ifPresent(note -> byRouter.put(router.id, note));
        }
        return byRouter;
    }
}
