package io.homeshield.admin;

import java.util.List;

import io.homeshield.household.Household;
import io.homeshield.inventory.Device;

/**
 * A form through which support acts for a household, as first shown or as sent back with the
 * field that was wrong; the page words everything in the reader's language.
 *
 * @param kind quarantine, release, block or resend
 * @param device the device concerned, or null
 * @param errorField duration, domain or reason; null when nothing is wrong
 */
public record ActForm(String kind, Household household, Device device, String reason,
        StaffQuarantineDuration duration, String domain, String errorField) {

    ActForm(String kind, Household household, Device device) {
        this(kind, household, device, "", null, "", null);
    }

    public String action() {
        String base = "/admin/households/" + household.id;
        return device == null ? base + "/" + kind : base + "/devices/" + device.id + "/" + kind;
    }

    /** Whom the act is for, as the heading names it: the device, else the household. */
    public String subject() {
        return device == null ? household.displayName : device.displayName();
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

    public boolean wrong(String field) {
        return field.equals(errorField);
    }

    ActForm refused(String field, String reasonTyped, StaffQuarantineDuration durationChosen, String domainTyped) {
        return new ActForm(kind, household, device, reasonTyped, durationChosen, domainTyped, field);
    }
}
