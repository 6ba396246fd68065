package io.homeshield.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * Deletes every data class's rows past their retention, class after class, in batches; the partitioned
 * tables on PostgreSQL lose whole days at once.
 */
@ApplicationScoped
class RetentionPurge {

    private final RetentionRules rules;
    private final BatchedDelete deletes;
    private final DailyPartitions partitions;
    private final DataSource db;
    private final int batchSize;

    RetentionPurge(RetentionRules rules, BatchedDelete deletes, DailyPartitions partitions, DataSource db,
            RetentionConfig config) {
        this.rules = rules;
        this.deletes = deletes;
        this.partitions = partitions;
        this.db = db;
        this.batchSize = config.batchSize();
    }

    /** A class whose delete fails is logged and left for the next run; the others still run. */
    RetentionReport purge(Instant now) {
        Map<String, List<Integer>> batches = new LinkedHashMap<>();
        for (RetentionRule rule : rules.all()) {
            try {
                batches.put(rule.dataClass(), purge(rule, now));
            } catch (SQLException e) {
                Log.warnf("Retention of %s stopped this run: %s", rule.dataClass(), e.getMessage());
            }
        }
        RetentionReport report = new RetentionReport(batches);
        batches.keySet().stream().filter(k -> report.deleted(k) > 0)
                .forEach(k -> Log.infof("Retention deleted %d rows of %s", report.deleted(k), k));
        return report;
    }

    /**
     * A partitioned table (PostgreSQL) loses its whole days past the retention at once, partition by
     * partition; rows in its default partition, and every other table's, are deleted in batches.
     */
    private List<Integer> purge(RetentionRule rule, Instant now) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        Optional<DailyPartitions.Table> partitioned;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            partitioned = partitions.partitioned(c, rule.table());
            if (partitioned.isPresent()) {
                counts.addAll(partitions.dropBefore(c, partitioned.get(), rule.cutoffDay(now)));
            }
        }
        RetentionRule rows = partitioned.map(t -> rule.on(DailyPartitions.defaultPartition(t))).orElse(rule);
        counts.addAll(deletes.run(rows, now, batchSize));
        return counts;
    }
}
