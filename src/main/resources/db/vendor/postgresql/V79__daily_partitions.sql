-- The high-volume tables become partitioned by day, so that retention drops a whole day at once
-- instead of deleting rows one by one, and the rows a day adds live together: telemetry receipts by
-- the day of the batch's own sentAt (the same in every resend, so the key with that day still finds a
-- resend), hourly activity by its hour's day, daily destinations by their day. Partitions for the days
-- ahead are created by the application (DailyPartitions, at start and on a schedule); a row for a day
-- without its partition lands in the default partition, so no batch is ever refused for its date.
-- Existing rows move into partitions of their own days, created here. Receipts from before V78 did not
-- keep their batch's sentAt: the day they were received stands in.

create temporary table receipts_before on commit drop as
    select router_id, sequence, event_count, received_at,
           coalesce(sent_day, cast(received_at at time zone 'UTC' as date)) as sent_day
    from telemetry_receipt;
drop table telemetry_receipt;
create table telemetry_receipt (
    router_id    uuid    not null references router (id),
    sequence     bigint  not null,
    event_count  integer not null,
    received_at  timestamp with time zone not null,
    sent_day     date    not null,
    primary key (router_id, sequence, sent_day)
) partition by range (sent_day);
create table telemetry_receipt_default partition of telemetry_receipt default;
create index telemetry_receipt_received on telemetry_receipt (received_at);

create temporary table activity_before on commit drop as select * from device_activity;
drop table device_activity;
create table device_activity (
    device_id     uuid    not null,
    bucket_start  timestamp with time zone not null,
    bytes_out     bigint  not null,
    bytes_in      bigint  not null,
    flows         bigint  not null,
    lookups       bigint  not null,
    primary key (device_id, bucket_start)
) partition by range (bucket_start);
create table device_activity_default partition of device_activity default with (fillfactor = 80);
create index device_activity_bucket on device_activity (bucket_start);

create temporary table destinations_before on commit drop as select * from device_destination;
drop table device_destination;
create table device_destination (
    device_id    uuid         not null,
    activity_day date         not null,
    destination  varchar(253) collate "C" not null,
    bytes        bigint       not null,
    connections  bigint       not null,
    primary key (device_id, activity_day, destination)
) partition by range (activity_day);
create table device_destination_default partition of device_destination default with (fillfactor = 90);
create index device_destination_day on device_destination (activity_day);

-- a partition for every day that has rows (named <table>_pYYYYMMDD, as the application names them)
do $$
declare
    d date;
begin
    for d in select distinct sent_day from receipts_before loop
        execute format('create table %I partition of telemetry_receipt for values from (%L) to (%L)',
                'telemetry_receipt_p' || to_char(d, 'YYYYMMDD'), d, d + 1);
    end loop;
    for d in select distinct cast(bucket_start at time zone 'UTC' as date) from activity_before loop
        execute format('create table %I partition of device_activity for values from (%L) to (%L) with (fillfactor = 80)',
                'device_activity_p' || to_char(d, 'YYYYMMDD'), d::timestamp at time zone 'UTC',
                (d + 1)::timestamp at time zone 'UTC');
    end loop;
    for d in select distinct activity_day from destinations_before loop
        execute format('create table %I partition of device_destination for values from (%L) to (%L) with (fillfactor = 90)',
                'device_destination_p' || to_char(d, 'YYYYMMDD'), d, d + 1);
    end loop;
end $$;

insert into telemetry_receipt (router_id, sequence, event_count, received_at, sent_day)
    select router_id, sequence, event_count, received_at, sent_day from receipts_before;
insert into device_activity (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)
    select device_id, bucket_start, bytes_out, bytes_in, flows, lookups from activity_before;
insert into device_destination (device_id, activity_day, destination, bytes, connections)
    select device_id, activity_day, destination, bytes, connections from destinations_before;
