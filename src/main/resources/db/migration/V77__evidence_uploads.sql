-- Places a router uploads one evidence file to (USP VendorLogFile Upload(), TR-069 Upload): reached with a
-- random token (only its SHA-256 is kept), valid for one file of one collection until it expires.
create table evidence_upload (
    id           uuid          primary key,
    token_sha256 varchar(64)   not null,
    router_id    uuid          not null,
    file_name    varchar(200)  not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    -- OPEN, RECEIVED or REFUSED (too large); a received file is taken into the snapshot and the row deleted
    state        varchar(16)   not null,
    size_bytes   bigint,
    refusal      varchar(500),
    content      bytea
);
create unique index evidence_upload_token on evidence_upload (token_sha256);
create index evidence_upload_expiry on evidence_upload (expires_at);
