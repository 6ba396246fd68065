package io.homeshield.portal;

import java.util.Map;
import java.util.UUID;

import io.homeshield.activity.HouseholdChange;
import io.homeshield.alert.AlertMessages;
import io.homeshield.enforcement.ActionState;
import io.homeshield.household.NotifyLevel;

/** The sentence a live change is announced with, in one person's language and as far as they want to be told. */
record LiveMessages(PortalMessages messages, AlertMessages alerts, NotifyLevel level, Map<UUID, String> deviceNames) {

    String sentence(HouseholdChange change) {
        String device = change.deviceId() == null ? "" : deviceNames.getOrDefault(change.deviceId(), "");
        if (change.alertOpened() && level.wants(change.serious())) {
            // An alert without a device is about the router itself.
            device = change.deviceId() == null ? messages.device_router() : device;
            String title = change.alertType() == null ? messages.alert_unknownTitle()
                    : alerts.alertTitle(change.alertType());
            return messages.live_alert(title, device);
        }
        if (change.actionSettled() && change.actionKind() != null && level != NotifyLevel.NONE) {
            return messages.live_action(messages.actionKind(change.actionKind()),
                    messages.actionState(ActionState.valueOf(change.state())), device);
        }
        return "";
    }
}
