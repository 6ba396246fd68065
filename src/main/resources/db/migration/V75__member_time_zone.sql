-- The time zone a member's browser reports (IANA name, e.g. Europe/Berlin): the portal shows every time in it.
alter table household_member add column time_zone varchar(64);
