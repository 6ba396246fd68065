-- Patterns the provider's analysts confirmed harmless: no household is alerted about them again.
create table alert_suppression (
    id           uuid primary key,
    alert_type   varchar(40)  not null,
    indicator    varchar(300) not null,
    reason       varchar(500) not null,
    created_by   varchar(255) not null,
    created_at   timestamp with time zone not null,
    constraint alert_suppression_pattern unique (alert_type, indicator)
);
