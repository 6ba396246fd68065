package io.homeshield.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.github.embeddedkafka.EmbeddedK;
import io.github.embeddedkafka.EmbeddedKafka$;
import io.github.embeddedkafka.EmbeddedKafkaConfig;
import io.github.embeddedkafka.EmbeddedKafkaConfig$;

import scala.jdk.javaapi.CollectionConverters;

/** A real Kafka broker (KRaft, broker and controller in one) inside the test JVM, on free ports. */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String TOPIC = "homeshield.telemetry";
    public static final int PARTITIONS = 6;

    private final EmbeddedK kafka;
    private final String bootstrapServers;

    private EmbeddedBroker(EmbeddedK kafka) {
        this.kafka = kafka;
        this.bootstrapServers = "127.0.0.1:" + EmbeddedKafka$.MODULE$.kafkaPort(kafka.broker());
    }

    /** Starts a broker with the telemetry topic in {@value #PARTITIONS} partitions. */
    public static EmbeddedBroker start() throws Exception {
        Path logs = Files.createTempDirectory("kafka-logs");
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig$.MODULE$.apply(0, 0, scalaMap(Map.of(
                "group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false",
                "message.max.bytes", String.valueOf(5 * 1024 * 1024))), scalaMap(Map.of()), scalaMap(Map.of()));
        EmbeddedBroker broker = new EmbeddedBroker(EmbeddedKafka$.MODULE$.startKafka(logs, config));
        broker.createTopic();
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void createTopic() throws Exception {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(settings)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        }
    }

    @SuppressWarnings("unchecked")
    private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> map) {
        return (scala.collection.immutable.Map<String, String>) scala.collection.immutable.Map$.MODULE$
                .from(CollectionConverters.asScala(map));
    }

    @Override
    public void close() throws IOException {
        kafka.stop(true);
    }
}
