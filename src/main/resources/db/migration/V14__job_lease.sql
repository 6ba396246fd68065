-- Cluster-wide scheduled jobs: the replica that holds each job's run for the current period.
create table job_lease (
    job varchar(100) primary key,
    held_by varchar(100) not null,
    held_until timestamp with time zone not null,
    last_started_at timestamp with time zone not null,
    runs bigint not null
);
