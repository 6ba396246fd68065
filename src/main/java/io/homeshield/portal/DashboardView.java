package io.homeshield.portal;

import java.util.List;

import io.homeshield.activity.ActionRow;
import io.homeshield.activity.ActivityRow;
import io.homeshield.activity.AlertRow;
import io.homeshield.household.Household;

/** The household at a glance; {@code nextStep} is null when nothing asks for one. */
public record DashboardView(Household household, long devicesOnline, long devicesTotal, long needAttention,
        long quarantined, long openAlertCount, long blockedDomains, List<AlertRow> openAlerts,
        List<ActionRow> recentActions, List<ActivityRow> activity, NextStep nextStep) {

    public boolean allGood() {
        return needAttention == 0;
    }
}
