package io.homeshield.portal;

import java.util.List;

import io.homeshield.household.Household;

/** The household at a glance. */
public record DashboardView(Household household, long devicesOnline, long devicesTotal, long needAttention,
        long quarantined, long openAlertCount, long blockedDomains, List<AlertRow> openAlerts,
        List<ActionRow> recentActions, List<ActivityRow> activity) {

    public boolean allGood() {
        return needAttention == 0;
    }
}
