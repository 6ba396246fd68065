package io.homeshield.portal;

import java.util.Locale;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.AlertType;
import io.homeshield.alert.Severity;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.household.HouseholdKind;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/** Plain words (and icons) for the values pages show, in the page's language. */
@TemplateExtension
final class PortalLabels {

    private PortalLabels() {
    }

    static String label(DeviceType type, @TemplateAttribute("locale") Object locale) {
        return messages(locale).deviceType(type);
    }

    static String label(ActionKind kind, @TemplateAttribute("locale") Object locale) {
        return messages(locale).actionKind(kind);
    }

    static String label(ActionState state, @TemplateAttribute("locale") Object locale) {
        return messages(locale).actionState(state);
    }

    static String label(Severity severity, @TemplateAttribute("locale") Object locale) {
        return messages(locale).severity(severity);
    }

    static String label(AlertStatus status, @TemplateAttribute("locale") Object locale) {
        return messages(locale).alertStatus(status);
    }

    static String label(HouseholdKind kind, @TemplateAttribute("locale") Object locale) {
        return messages(locale).householdKind(kind);
    }

    static String label(MemberRole role, @TemplateAttribute("locale") Object locale) {
        return messages(locale).memberRole(role);
    }

    static String label(ManagementChannel channel) {
        return switch (channel) {
            case SIMULATED -> "Simulated";
            case USP -> "TR-369 USP";
            case GENIEACS -> "TR-069 (GenieACS)";
            case OPENWRT -> "OpenWrt";
        };
    }

    /** The owner holds the contract; everyone else can be removed by the owner or a co-admin. */
    static boolean canBeRemoved(MemberRole role) {
        return role != MemberRole.OWNER;
    }

    /** Path data of a 24×24 stroke icon for the type. */
    static String icon(DeviceType type) {
        return switch (type) {
            case PHONE -> "M9 2h6a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM11 18h2";
            case LAPTOP -> "M5 5h14v10H5zM2 19h20";
            case DESKTOP -> "M3 4h18v12H3zM8 20h8M12 16v4";
            case TABLET -> "M6 2h12a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM11 18h2";
            case TV -> "M3 7h18v12H3zM8 3l4 4 4-4";
            case CAMERA -> "M2 7h13v10H2zM15 10l6-3v10l-6-3";
            case THERMOSTAT -> "M14 14.8V4a2 2 0 0 0-4 0v10.8a4 4 0 1 0 4 0zM12 9v6";
            case SPEAKER -> "M6 2h12v20H6zM9 14a3 3 0 1 0 6 0a3 3 0 1 0-6 0M12 6h.01";
            case PRINTER -> "M6 9V2h12v7M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2M6 "
                    + "14h12v8H6z";
            case GAME_CONSOLE -> "M6 11h4M8 9v4M15 12h.01M18 10h.01M17.3 5H6.7a4 4 0 0 0-4 3.6L2 15a3 3 0 0 0 5.3 "
                    + "2.2L9 15h6"
                    + "l1.7 2.2A3 3 0 0 0 22 15l-.7-6.4A4 4 0 0 0 17.3 5z";
            case SMART_PLUG -> "M9 2v6M15 2v6M6 8h12v4a6 6 0 0 1-12 0zM12 18v4";
            case NAS -> "M4 3h16v8H4zM4 13h16v8H4zM8 7h.01M8 17h.01";
            case IOT -> "M7 7h10v10H7zM9 2v3M15 2v3M9 19v3M15 19v3M2 9h3M2 15h3M19 9h3M19 15h3";
            case UNKNOWN -> "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01";
        };
    }

    /** The chip colour family; the chip always carries the words too. */
    static String tone(ActionState state) {
        return switch (state) {
            case REQUESTED, DISPATCHED -> "info";
            case APPLIED, VERIFIED -> "ok";
            case FAILED -> "danger";
        };
    }

    static String tone(Severity severity) {
        return switch (severity) {
            case LOW -> "neutral";
            case MEDIUM -> "warn";
            case HIGH, CRITICAL -> "danger";
        };
    }

    static String title(Alert alert, @TemplateAttribute("locale") Object locale) {
        AlertType type = typeOf(alert);
        return type == null ? messages(locale).alert_unknownTitle() : PortalBundles.alertsOf(locale).alertTitle(type);
    }

    static String explanation(Alert alert, @TemplateAttribute("locale") Object locale) {
        AlertType type = typeOf(alert);
        return type == null ? messages(locale).alert_unknownWhy() : PortalBundles.alertsOf(locale).alertWhy(type);
    }

    static String advice(Alert alert, @TemplateAttribute("locale") Object locale) {
        AlertType type = typeOf(alert);
        return type == null ? messages(locale).alert_unknownAdvice() : PortalBundles.alertsOf(locale).alertAdvice(type);
    }

    static boolean isOpen(Alert alert) {
        return alert.status == AlertStatus.OPEN;
    }

    static PortalMessages messages(Object locale) {
        return PortalBundles.messages(locale instanceof Locale l ? l : Locale.ENGLISH);
    }

    static AlertType typeOf(Alert alert) {
        return AlertType.named(alert.type);
    }
}
