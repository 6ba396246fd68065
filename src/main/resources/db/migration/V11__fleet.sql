-- Fleet configuration security: each router's current settings, baselines and revert rules,
-- configuration campaigns, and remediation jobs run in waves.

-- What a router-wide command carries (parameter values or a firmware image), and the settings
-- HomeShield has asked each router to hold.
alter table enforcement_action add column parameters varchar(4000);

create table router_desired_parameter (
    router_id     uuid          not null references router (id),
    path          varchar(256)  not null,
    wanted_value  varchar(1024) not null,
    requested_by  varchar(255)  not null,
    updated_at    timestamp with time zone not null,
    primary key (router_id, path)
);

-- The latest known value of each watched parameter of each router.
create table router_config_current (
    router_id   uuid          not null references router (id),
    path           varchar(256)  not null,
    current_value  varchar(1024),
    source      varchar(16)   not null,
    changed_at  timestamp with time zone not null,
    primary key (router_id, path)
);

-- The provider's expected configuration per router model and firmware ('' = every firmware).
create table fleet_baseline (
    id                uuid primary key,
    model             varchar(100)  not null,
    firmware          varchar(100)  not null,
    allowed_firmware  varchar(1000) not null,
    updated_by        varchar(255)  not null,
    updated_at        timestamp with time zone not null,
    constraint fleet_baseline_model_firmware unique (model, firmware)
);

-- One expected parameter: its allowed values, whether subscribers may change it, and its revert rule.
create table fleet_baseline_parameter (
    id                     uuid primary key,
    baseline_id            uuid          not null references fleet_baseline (id) on delete cascade,
    path                   varchar(256)  not null,
    expected               varchar(1024) not null,
    subscriber_may_change  boolean       not null,
    revert_mode            varchar(16)   not null,
    constraint fleet_baseline_parameter_path unique (baseline_id, path)
);

-- What a revert rule did, or in dry-run mode would have done.
create table fleet_revert (
    id            uuid primary key,
    parameter_id  uuid          not null,
    router_id     uuid          not null references router (id),
    household_id  uuid          not null,
    path          varchar(256)  not null,
    found_value   varchar(1024),
    wanted_value  varchar(1024) not null,
    dry_run       boolean       not null,
    action_id     uuid,
    created_at    timestamp with time zone not null
);
create index fleet_revert_router on fleet_revert (router_id, created_at);

-- Configuration campaigns: many routers making the same change faster than usual.
create table fleet_campaign (
    id                      uuid primary key,
    parameter               varchar(256) not null,
    value_key               varchar(128) not null,
    first_seen              timestamp with time zone not null,
    detected_at             timestamp with time zone not null,
    last_seen               timestamp with time zone not null,
    routers_at_detection    integer      not null,
    expected_at_detection   double precision not null,
    affected                integer      not null,
    status                  varchar(16)  not null
);
create index fleet_campaign_detected on fleet_campaign (detected_at);

create table fleet_campaign_router (
    campaign_id  uuid          not null references fleet_campaign (id),
    router_id    uuid          not null,
    path         varchar(256)  not null,
    new_value    varchar(1024),
    changed_at   timestamp with time zone not null,
    model        varchar(100)  not null,
    firmware     varchar(100)  not null,
    network      varchar(32)   not null,
    primary key (campaign_id, router_id)
);

-- Remediation jobs: a command for many routers, canary wave first, then rate-limited waves.
create table remediation_job (
    id                  uuid primary key,
    kind                varchar(24)   not null,
    title               varchar(200)  not null,
    target_query        varchar(500)  not null,
    campaign_id         uuid,
    parameters          varchar(4000),
    state               varchar(16)   not null,
    canary_size         integer       not null,
    wave_size           integer       not null,
    wave_interval_ms    bigint        not null,
    max_failure_percent integer       not null,
    waves_started       integer       not null,
    next_wave_at        timestamp with time zone,
    halt_reason         varchar(500),
    -- routers finished and failed when the job was last resumed: the threshold judges what came after
    finished_at_resume  integer       not null,
    failures_at_resume  integer       not null,
    reason              varchar(500)  not null,
    created_by          varchar(255)  not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);

create table remediation_target (
    job_id        uuid          not null references remediation_job (id),
    router_id     uuid          not null references router (id),
    household_id  uuid          not null,
    position      integer       not null,
    wave          integer,
    state         varchar(16)   not null,
    action_id     uuid,
    detail        varchar(500),
    updated_at    timestamp with time zone not null,
    primary key (job_id, router_id)
);
create index remediation_target_state on remediation_target (job_id, state, position);
