package io.homeshield.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.alert.AlertQueries;
import io.homeshield.alert.AlertStatus;
import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.portal.AlertRow;
import io.homeshield.portal.DeviceRow;
import io.homeshield.portal.PortalViews;

/** Finds a household for staff by its account number; every look is recorded in the audit log. */
@ApplicationScoped
class StaffLookup {

    private final DeviceQueries devices;
    private final AlertQueries alerts;
    private final PortalViews views;
    private final AuditLog audit;

    StaffLookup(DeviceQueries devices, AlertQueries alerts, PortalViews views, AuditLog audit) {
        this.devices = devices;
        this.alerts = alerts;
        this.views = views;
        this.audit = audit;
    }

    @Transactional
    Optional<StaffHouseholdView> find(String accountNumber, Actor staff) {
        Household household = Household.findByAccountNumber(normalise(accountNumber));
        if (household == null) {
            return Optional.empty();
        }
        HouseholdId id = household.householdId();
        audit.append(new AuditRecord(staff.id(), staff.role(), household.id, "household.view",
                household.accountNumber, null, "shown"));
        List<DeviceRow> rows = views.deviceRows(id);
        Map<UUID, String> names = rows.stream()
                .collect(Collectors.toMap(r -> r.device().id, r -> r.device().displayName()));
        List<AlertRow> open = alerts.list(id).stream().filter(a -> a.status == AlertStatus.OPEN)
                .map(a -> new AlertRow(a, names.getOrDefault(a.deviceId, "A device"))).toList();
        return Optional.of(new StaffHouseholdView(household, devices.routers(id), rows, open));
    }

    static String normalise(String accountNumber) {
        return accountNumber == null ? "" : accountNumber.strip().toUpperCase(Locale.ROOT);
    }
}
