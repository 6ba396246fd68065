package io.homeshield.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.OncePerCluster;
import io.quarkus.scheduler.Scheduled;

/** Deletes household data past its retention, on one replica of the cluster per period. */
@ApplicationScoped
public class Retention {

    static final String JOB = "lifecycle.retention";

    private final RetentionPurge purge;
    private final AuditLogRetention auditLog;
    private final OncePerCluster cluster;
    private final RetentionConfig config;
    private final Clock clock;

    Retention(RetentionPurge purge, AuditLogRetention auditLog, OncePerCluster cluster, RetentionConfig config,
            Clock clock) {
        this.purge = purge;
        this.auditLog = auditLog;
        this.cluster = cluster;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${homeshield.retention.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /** Runs retention unless another replica holds the job; empty when one does. */
    public Optional<RetentionReport> runOnce() {
        if (!cluster.claim(JOB, config.lease())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Map<String, List<Integer>> batches = new LinkedHashMap<>(purge.purge(now).batches());
        batches.putAll(auditLog.purge(now));
        return Optional.of(new RetentionReport(batches));
    }
}
