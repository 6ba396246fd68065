-- How far each detection consumer group has applied each partition of the telemetry stream: written
-- in the same transaction as the partition's batches, so a crash or a rebalance resumes exactly
-- after the last committed batch (exactly once without Kafka transactions).
create table telemetry_stream_offset (
    consumer_group   varchar(255) not null,
    topic            varchar(255) not null,
    partition_number integer      not null,
    next_offset      bigint       not null,
    updated_at       timestamp with time zone not null,
    primary key (consumer_group, topic, partition_number)
);
