package io.homeshield.portal;

import io.homeshield.audit.AuditEntry;

/**
 * One entry of the household's activity log, with who did it in words: a member by name, provider
 * staff ({@code actorKind} staff), an automatic rule, or HomeShield itself (system). {@code target}
 * names the device where the entry names its MAC address.
 */
public record ActivityRow(AuditEntry entry, String actorKind, String actorName, String target) {

    public String action() {
        return entry.action;
    }

    public String tone() {
        return switch (entry.outcome) {
            case "failed" -> "danger";
            case "requested", "dispatched" -> "info";
            case "applied", "verified", "done" -> "ok";
            default -> "neutral";
        };
    }
}
