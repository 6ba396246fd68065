package io.homeshield.lifecycle;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.homeshield.infra.OncePerCluster;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the daily partitions of the high-volume tables ahead of time, on one replica of the cluster
 * per period and at every start (a replica may be the first to start after days down).
 */
@ApplicationScoped
class PartitionMaintenance {

    static final String JOB = "lifecycle.partitions";

    private final DailyPartitions partitions;
    private final OncePerCluster cluster;
    private final Clock clock;

    PartitionMaintenance(DailyPartitions partitions, OncePerCluster cluster, Clock clock) {
        this.partitions = partitions;
        this.cluster = cluster;
        this.clock = clock;
    }

    void atStart(@Observes StartupEvent started) {
        run();
    }

    @Scheduled(identity = JOB, every = "${homeshield.partitions.every:6h}", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (cluster.claim(JOB, Duration.ofHours(1))) {
            run();
        }
    }

    void run() {
        try {
            int created = partitions.ensureAround(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (created > 0) {
                Log.infof("Created %d daily partitions", created);
            }
        } catch (SQLException e) {
            Log.warnf("Daily partitions not checked this time: %s", e.getMessage());
        }
    }
}
