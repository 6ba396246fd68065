-- The day (UTC) of a batch's own sentAt: the same in every resend of the batch, so a receipt can be
-- kept in the partition of that day and a resend still meets it there (PostgreSQL, V79).
alter table telemetry_receipt add column sent_day date;
