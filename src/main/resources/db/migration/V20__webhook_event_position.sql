-- How far the webhook events have been turned into deliveries: moved on in the same transaction as
-- the deliveries it created, so that after a restart (of any instance) delivery carries on from there.
create table webhook_event_position (
    name        varchar(100) primary key,
    read_until  timestamp with time zone not null
);
