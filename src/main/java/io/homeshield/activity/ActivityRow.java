package io.homeshield.activity;

import io.homeshield.audit.AuditEntry;

/**
 * One entry of the household's activity log, with who did it in words: a member by name, provider
 * staff ({@code actorKind} staff), an automatic rule, or HomeShield itself (system). {@code target}
 * names the device where the entry names its MAC address. On the portal's pages one row is one act:
 * {@code outcome} is how far it got (requested, then verified as the router confirms it), and
 * {@code pages} counts the pages one staff visit opened.
 */
public record ActivityRow(AuditEntry entry, String actorKind, String actorName, String target, String outcome,
        int pages) {

    public ActivityRow(AuditEntry entry, String actorKind, String actorName, String target) {
        this(entry, actorKind, actorName, target, entry.outcome, 1);
    }

    public String action() {
        return entry.action;
    }

    /** The same act, now as far as {@code newOutcome}. */
    ActivityRow reaching(String newOutcome) {
        return new ActivityRow(entry, actorKind, actorName, target, newOutcome, pages);
    }

    /** The same visit, one page more. */
    ActivityRow withAnotherPage() {
        return new ActivityRow(entry, actorKind, actorName, target, outcome, pages + 1);
    }

    public boolean staffVisit() {
        return "household.view".equals(entry.action);
    }

    public String tone() {
        return switch (outcome == null ? "" : outcome) {
            case "failed" -> "danger";
            case "requested", "dispatched" -> "info";
            case "applied", "verified", "done" -> "ok";
            default -> "neutral";
        };
    }
}
