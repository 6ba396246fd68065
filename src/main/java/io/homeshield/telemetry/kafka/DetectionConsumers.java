package io.homeshield.telemetry.kafka;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.homeshield.telemetry.TelemetryConfig;
import io.homeshield.telemetry.TelemetryPipeline;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The detection consumers of this replica, all in one consumer group with every other replica's.
 *
 * They use the plain Kafka client rather than SmallRye Reactive Messaging: what matters here is
 * exactly where an offset is stored (in the batches' own transaction) and where a partition resumes
 * on assignment and that a partition's batches are applied strictly one after another
 * on one thread; a poll loop says both plainly, where the messaging layer's acknowledgement
 * strategies and worker pools would have to be configured into the same shape.
 */
@ApplicationScoped
public class DetectionConsumers {

    private final KafkaTelemetryConfig config;
    private final TelemetryPipeline pipeline;
    private final TelemetryRecords records;
    private final StreamOffsets offsets;
    private final TelemetryConfig.GroupCommit groupCommit;
    private final String instance;
    private final List<DetectionConsumer> running = new CopyOnWriteArrayList<>();

    DetectionConsumers(KafkaTelemetryConfig config, TelemetryPipeline pipeline, TelemetryRecords records,
            StreamOffsets offsets, TelemetryConfig telemetry,
            @ConfigProperty(name = "homeshield.jobs.instance-id") String instance) {
        this.config = config;
        this.groupCommit = telemetry.groupCommit();
        this.pipeline = pipeline;
        this.records = records;
        this.offsets = offsets;
        this.instance = instance;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        for (int i = 0; i < config.consumers(); i++) {
            DetectionConsumer consumer = new DetectionConsumer(config, pipeline, records, offsets, groupCommit,
                    instance + "-" + i);
            running.add(consumer);
            consumer.start();
        }
        Log.infof("Telemetry stream: %d detection consumers on topic %s, group %s", config.consumers(),
                config.topic(), config.groupId());
    }

    /** Stops one consumer, finishing its batch in hand; the group hands its partitions to the others. */
    public boolean stopOne() {
        if (running.isEmpty()) {
            return false;
        }
        DetectionConsumer consumer = running.remove(running.size() - 1);
        consumer.stop();
        return true;
    }

    /** Consumers running on this replica. */
    public int running() {
        return running.size();
    }

    void onStop(@Observes ShutdownEvent event) {
        running.forEach(DetectionConsumer::signalStop);
        running.forEach(DetectionConsumer::stop);
        running.clear();
    }
}
