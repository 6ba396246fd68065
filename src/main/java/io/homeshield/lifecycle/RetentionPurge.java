package io.homeshield.lifecycle;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/** Deletes every data class's rows past their retention, class after class, in batches. */
@ApplicationScoped
class RetentionPurge {

    private final RetentionRules rules;
    private final BatchedDelete deletes;
    private final int batchSize;

    RetentionPurge(RetentionRules rules, BatchedDelete deletes, RetentionConfig config) {
        this.rules = rules;
        this.deletes = deletes;
        this.batchSize = config.batchSize();
    }

    /** A class whose delete fails is logged and left for the next run; the others still run. */
    RetentionReport purge(Instant now) {
        Map<String, List<Integer>> batches = new LinkedHashMap<>();
        for (RetentionRule rule : rules.all()) {
            try {
                batches.put(rule.dataClass(), deletes.run(rule, now, batchSize));
            } catch (SQLException e) {
                Log.warnf("Retention of %s stopped this run: %s", rule.dataClass(), e.getMessage());
            }
        }
        RetentionReport report = new RetentionReport(batches);
        batches.keySet().stream().filter(k -> report.deleted(k) > 0)
                .forEach(k -> Log.infof("Retention deleted %d rows of %s", report.deleted(k), k));
        return report;
    }
}
