-- Evidence collected from a router: what it gave up, compressed, with its SHA-256 (also in the audit log).
create table evidence_snapshot (
    id              uuid primary key,
    router_id       uuid          not null references router (id),
    household_id    uuid          not null,
    action_id       uuid          not null,
    requested_by    varchar(255)  not null,
    collected_at    timestamp with time zone not null,
    model           varchar(100)  not null,
    firmware        varchar(100)  not null,
    channel         varchar(32)   not null,
    sha256          varchar(64)   not null,
    size_bytes      bigint        not null,
    stored_bytes    bigint        not null,
    parameter_count integer       not null,
    file_count      integer       not null,
    -- what the router could not give, one plain sentence per line
    not_collected   varchar(4000),
    -- the router's newest snapshot, the one the fleet norm counts
    latest          boolean       not null
);
create index evidence_snapshot_router on evidence_snapshot (router_id, collected_at);
create index evidence_snapshot_age on evidence_snapshot (collected_at);
create index evidence_snapshot_norm on evidence_snapshot (model, firmware, latest);
create unique index evidence_snapshot_action on evidence_snapshot (action_id);

-- The compressed snapshot itself (gzip of its JSON document).
create table evidence_content (
    snapshot_id  uuid   primary key references evidence_snapshot (id) on delete cascade,
    content      bytea  not null
);

-- Each snapshot's settings as facts (instance numbers as {i}), so the fleet norm is counted in the database.
create table evidence_fact (
    snapshot_id  uuid          not null references evidence_snapshot (id) on delete cascade,
    fact_hash    varchar(64)   not null,
    fact_key     varchar(300)  not null,
    fact_value   varchar(300)  not null,
    primary key (snapshot_id, fact_hash)
);
create index evidence_fact_hash on evidence_fact (fact_hash);
