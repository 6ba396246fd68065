-- A batch that could not be applied after its retries: kept whole, with why, so that nothing a
-- router sent is lost and its later batches go on; analysts list and replay them.
create table telemetry_dead_letter (
    id             uuid          primary key,
    router_id      uuid          not null,
    household_id   uuid,
    sequence       bigint        not null,
    event_count    int           not null,
    received_at    timestamp with time zone not null,
    attempts       int           not null,
    reason         varchar(2000) not null,
    batch          text          not null,
    replayed_at    timestamp with time zone,
    replayed_by    varchar(255),
    replay_reason  varchar(500),
    replay_outcome varchar(2000)
);

create index telemetry_dead_letter_received on telemetry_dead_letter (received_at);
create index telemetry_dead_letter_router on telemetry_dead_letter (router_id, sequence);
