-- Receipts from before V78 did not keep their batch's sentAt: the day they were received stands in.
-- (PostgreSQL partitions the high-volume tables by day in its V79; H2 in dev mode keeps them whole.)
update telemetry_receipt set sent_day = cast(received_at as date) where sent_day is null;
alter table telemetry_receipt alter column sent_day set not null;
