package io.homeshield.admin;

import io.homeshield.audit.AuditEntry;
import io.quarkus.qute.TemplateExtension;

/** Plain words for the acts the audit log records, as staff read them. */
@TemplateExtension
final class AuditLabels {

    private AuditLabels() {
    }

    static String staffLabel(AuditEntry entry) {
        return switch (entry.action) {
            case "household.view" -> "Opened the household";
            case "household.resend" -> "Sent the desired state again";
            case "device.quarantine" -> "Quarantine";
            case "device.release" -> "Release";
            case "domain.block" -> "Blocked a domain";
            case "domain.unblock" -> "Unblocked a domain";
            case "domain.exempt" -> "Spared a device from a block";
            case "domain.unexempt" -> "Stopped sparing a device";
            case "alert.acknowledged" -> "Acknowledged an alert";
            case "alert.resolved" -> "Resolved an alert";
            case "alert.not_a_threat" -> "Marked an alert not a threat";
            case "alert.reopen" -> "Opened an alert again";
            case "alert.suppress" -> "Suppressed a pattern fleet-wide";
            case "audit.export" -> "Exported the audit log";
            case "intel.indicator.add" -> "Added an indicator to the provider's feed";
            case "intel.indicator.promote" -> "Promoted an alert's destination to the provider's feed";
            case "intel.indicator.expire" -> "Expired an indicator of the provider's feed";
            default -> entry.action;
        };
    }
}
