-- A household archive prepared in the background: its progress while it is written, then the archive
-- itself (gzip) until its download link expires. Deleted with the household.
create table export_job (
    id              uuid primary key,
    household_id    uuid         not null references household (id) on delete cascade,
    requested_by    varchar(255) not null,
    requested_role  varchar(32)  not null,
    reason          varchar(500),
    state           varchar(16)  not null,
    sections_done   integer      not null default 0,
    sections_total  integer      not null,
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    expires_at      timestamp with time zone not null,
    link_token      varchar(64)  not null,
    archive         bytea,
    archive_bytes   bigint,
    error           varchar(500)
);
create index export_job_household on export_job (household_id, created_at);
create index export_job_state on export_job (state, created_at);
create index export_job_expires on export_job (expires_at);
