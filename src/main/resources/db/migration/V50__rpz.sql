-- Response Policy Zone: indicators of the provider's own feed an analyst marks to be blocked at the
-- provider's resolvers for everybody (with who and why), the zone's serial (bumped only when its
-- content changes), and when each resolver last fetched it.
alter table provider_indicator add column block_fleet_wide boolean default false not null;
alter table provider_indicator add column block_changed_by varchar(255);
alter table provider_indicator add column block_changed_at timestamp with time zone;
alter table provider_indicator add column block_reason varchar(500);

create table rpz_zone_version (
    id           integer primary key,
    serial       bigint not null,
    content_hash varchar(64) not null,
    names        integer not null,
    bytes        bigint not null,
    changed_at   timestamp with time zone not null
);

create table rpz_fetch (
    resolver       varchar(64) primary key,
    source_address varchar(64) not null,
    serial         bigint not null,
    answer         integer not null,
    fetched_at     timestamp with time zone not null
);

insert into rpz_zone_version (id, serial, content_hash, names, bytes, changed_at)
values (1, 0, '', 0, 0, current_timestamp);
