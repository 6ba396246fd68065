package io.homeshield.portal;

import java.util.List;

import io.homeshield.household.Household;

/** The household at a glance. */
public record DashboardView(Household household, long devicesOnline, long devicesTotal, long needAttention,
        long quarantined, List<AlertRow> openAlerts, List<ActionRow> recentActions) {

    public boolean allGood() {
        return needAttention == 0;
    }
}
