-- Changes of a router's own configuration as its telemetry, its ACS or its USP agent report them.
create table router_config_change (
    id           uuid primary key,
    router_id    uuid          not null references router (id),
    path         varchar(256)  not null,
    old_value    varchar(1024),
    new_value    varchar(1024),
    source       varchar(16)   not null,
    changed_at   timestamp with time zone not null,
    received_at  timestamp with time zone not null
);
create index router_config_change_router on router_config_change (router_id, changed_at);
create index router_config_change_path on router_config_change (path, changed_at);
