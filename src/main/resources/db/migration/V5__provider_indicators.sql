-- The provider's own threat feed: destinations its analysts confirmed as malicious, with who
-- added each and why, and who expired it and why. Rows are kept after expiry, as the record.
create table provider_indicator (
    id              uuid primary key,
    kind            varchar(8)   not null,
    indicator       varchar(253) not null,
    reason          varchar(500) not null,
    source_alert_id uuid,
    added_by        varchar(255) not null,
    added_at        timestamp with time zone not null,
    valid_until     timestamp with time zone,
    expired_by      varchar(255),
    expired_at      timestamp with time zone,
    expire_reason   varchar(500),
    changed_at      timestamp with time zone not null
);
create index provider_indicator_indicator on provider_indicator (indicator);
create index provider_indicator_changed on provider_indicator (changed_at);
