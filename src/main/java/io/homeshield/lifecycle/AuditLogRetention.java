package io.homeshield.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.audit.AuditRedaction;
import io.homeshield.audit.AuditRetention;
import io.quarkus.logging.Log;

/**
 * Retention of the audit log and of the households' activity log, its household-scoped view: after
 * the activity log's retention a household's entries are pseudonymised (they leave its activity log
 * and the archive), after the audit log's they are removed and the chain re-anchored.
 */
@ApplicationScoped
class AuditLogRetention {

    static final String ACTIVITY = "activity-log";
    static final String AUDIT = "audit-log";

    private final AuditRedaction redaction;
    private final AuditRetention retention;
    private final RetentionConfig config;

    AuditLogRetention(AuditRedaction redaction, AuditRetention retention, RetentionConfig config) {
        this.redaction = redaction;
        this.retention = retention;
        this.config = config;
    }

    Map<String, List<Integer>> purge(Instant now) {
        Map<String, List<Integer>> batches = new LinkedHashMap<>();
        try {
            batches.put(ACTIVITY, pseudonymise(now.minus(config.activityLog())));
            batches.put(AUDIT, retention.removeBefore(now.minus(config.auditLog()), config.batchSize()));
        } catch (RuntimeException e) {
            Log.warnf("Retention of the audit log stopped this run: %s", e.getMessage());
        }
        batches.forEach((k, v) -> {
            long rows = v.stream().mapToLong(Integer::longValue).sum();
            if (rows > 0) {
                Log.infof("Retention %s %d entries of %s", k.equals(AUDIT) ? "removed" : "pseudonymised", rows, k);
            }
        });
        return batches;
    }

    private List<Integer> pseudonymise(Instant cutoff) {
        List<Integer> done = new ArrayList<>();
        int batch = Math.min(config.batchSize(), 1000);
        int count;
        do {
            count = redaction.redactOlderThan(cutoff, batch);
            done.add(count);
        } while (count == batch);
        return done;
    }
}
