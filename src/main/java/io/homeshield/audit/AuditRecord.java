package io.homeshield.audit;

import java.util.UUID;

/**
 * What to record. {@code actorRole} is the role the actor acted in (subscriber, support, rule,
 * system); {@code household} may be null for fleet-wide acts.
 */
public record AuditRecord(String actor, String actorRole, UUID household, String action, String target,
        String reason, String outcome) {
}
