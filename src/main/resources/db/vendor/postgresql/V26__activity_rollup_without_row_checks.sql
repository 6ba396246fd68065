-- The hourly activity roll-up, like the daily destination roll-up (V25), is written only for
-- devices read or created in the same transaction, and devices are never deleted: its foreign key
-- checked every new row with a query of its own and proved nothing the writer does not guarantee.
alter table device_activity drop constraint device_activity_device_id_fkey;

-- Every telemetry batch adds to the current hour's and day's rows: room left in each page lets an
-- update stay on its page without a new index entry.
alter table device_activity set (fillfactor = 80);
alter table device_destination set (fillfactor = 90);

-- Destinations are host names and addresses: their key compares bytes, not a language's collation,
-- which every index descent of every upsert would otherwise pay for.
alter table device_destination alter column destination type varchar(253) collate "C";
