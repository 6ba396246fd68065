-- The daily destination roll-up takes hundreds of new rows per telemetry batch, and a foreign key
-- checks each of them with a query of its own. Its only writer adds rows for devices it has just
-- read or created in the same transaction, and devices are never deleted, so the check proves
-- nothing the writer does not already guarantee.
alter table device_destination drop constraint device_destination_device_id_fkey;
