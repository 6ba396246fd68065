package io.homeshield.admin;

import java.util.List;

import io.homeshield.household.Household;
import io.homeshield.inventory.Router;
import io.homeshield.portal.AlertRow;
import io.homeshield.portal.DeviceRow;

/** A household as staff see it: read-only, everything on one page. */
public record StaffHouseholdView(Household household, List<Router> routers, List<DeviceRow> devices,
        List<AlertRow> openAlerts) {
}
