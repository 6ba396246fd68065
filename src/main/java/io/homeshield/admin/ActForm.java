package io.homeshield.admin;

import java.util.List;

import io.homeshield.household.Household;
import io.homeshield.inventory.Device;

/**
 * A form through which support acts for a household, as first shown or as sent back with what
 * was wrong.
 *
 * @param kind quarantine, release, block or resend
 * @param device the device concerned, or null
 */
public record ActForm(String kind, Household household, Device device, String heading, String explanation,
        String confirmLabel, String reason, StaffQuarantineDuration duration, String domain, String error,
        String errorField) {

    public String action() {
        String base = "/admin/households/" + household.id;
        return device == null ? base + "/" + kind : base + "/devices/" + device.id + "/" + kind;
    }

    public List<StaffQuarantineDuration> durations() {
        return List.of(StaffQuarantineDuration.values());
    }

    public boolean chosen(StaffQuarantineDuration option) {
        return option == (duration == null ? StaffQuarantineDuration.ONE_DAY : duration);
    }

    public boolean danger() {
        return "quarantine".equals(kind) || "block".equals(kind);
    }

    ActForm withError(String field, String message, String reasonTyped, StaffQuarantineDuration durationChosen,
            String domainTyped) {
        return new ActForm(kind, household, device, heading, explanation, confirmLabel, reasonTyped, durationChosen,
                domainTyped, message, field);
    }
}
