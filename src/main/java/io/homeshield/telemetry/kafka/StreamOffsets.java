package io.homeshield.telemetry.kafka;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.common.TopicPartition;

/**
 * How far each partition of the telemetry stream is applied, kept in the database next to what the
 * batches wrote and in the same transaction: the consumer resumes from here, not from the offset it
 * committed to Kafka (which may lag after a crash and is kept only for monitoring the lag).
 */
@ApplicationScoped
class StreamOffsets {

    private static final String STORE = """
            merge into telemetry_stream_offset t
            using (values (cast(?1 as varchar(255)), cast(?2 as varchar(255)), cast(?3 as integer), cast(?4 as bigint),
                           cast(?5 as timestamp with time zone)))
                  as s (consumer_group, topic, partition_number, next_offset, updated_at)
            on t.consumer_group = s.consumer_group and t.topic = s.topic and t.partition_number = s.partition_number
            when matched then update set next_offset = s.next_offset, updated_at = s.updated_at
            when not matched then insert (consumer_group, topic, partition_number, next_offset, updated_at)
                                  values (s.consumer_group, s.topic, s.partition_number, s.next_offset, s.updated_at)
            """;

    private final EntityManager em;
    private final Clock clock;

    StreamOffsets(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** In the caller's transaction: the partition is applied up to, not including, {@code next}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void store(String group, TopicPartition partition, long next) {
        em.createNativeQuery(STORE).setParameter(1, group).setParameter(2, partition.topic())
                .setParameter(3, partition.partition()).setParameter(4, next)
                .setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
    }

    /** The next offset to apply of each partition the group has applied anything of. */
    @Transactional
    Map<TopicPartition, Long> positions(String group, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> out = new HashMap<>();
        if (partitions.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select topic, partition_number, next_offset from"
                + " telemetry_stream_offset where consumer_group = ?1").setParameter(1, group).getResultList();
        for (Object[] row : rows) {
            TopicPartition partition = new TopicPartition((String) row[0], ((Number) row[1]).intValue());
            if (partitions.contains(partition)) {
                out.put(partition, ((Number) row[2]).longValue());
            }
        }
        return out;
    }
}
