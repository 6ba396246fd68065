-- Hourly traffic per device, written in batches from telemetry (one row per device and hour).
create table device_activity (
    device_id     uuid    not null references device (id),
    bucket_start  timestamp with time zone not null,
    bytes_out     bigint  not null,
    bytes_in      bigint  not null,
    flows         bigint  not null,
    lookups       bigint  not null,
    primary key (device_id, bucket_start)
);

-- Where each device's traffic went, per day: the name it looked up, else the address.
create table device_destination (
    device_id    uuid         not null references device (id),
    activity_day date         not null,
    destination  varchar(253) not null,
    bytes        bigint       not null,
    connections  bigint       not null,
    primary key (device_id, activity_day, destination)
);

-- Who moved an alert to its current status, and when.
alter table alert add column status_changed_at timestamp with time zone;
alter table alert add column status_changed_by varchar(255);

-- "This is not a threat": the household's word, kept for the provider's analysts to review.
create table alert_feedback (
    id             uuid primary key,
    alert_id       uuid         not null references alert (id),
    household_id   uuid         not null references household (id),
    alert_type     varchar(40)  not null,
    indicator      varchar(300) not null,
    device_vendor  varchar(255),
    device_type    varchar(24)  not null,
    comment        varchar(500),
    given_by       varchar(255) not null,
    given_at       timestamp with time zone not null,
    review_state   varchar(16)  not null,
    reviewed_by    varchar(255),
    reviewed_at    timestamp with time zone
);
create index alert_feedback_review on alert_feedback (review_state, given_at);

-- Households may let HomeShield quarantine a device at once when a serious alert opens.
alter table household add column auto_quarantine boolean not null default false;
