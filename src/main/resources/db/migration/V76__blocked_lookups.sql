-- Lookups a household's own blocks or the provider's resolver stopped, per household and day (UTC),
-- counted from the routers' DNS telemetry for the weekly summary.
create table blocked_lookup_day (
    household_id uuid   not null references household (id),
    lookup_day   date   not null,
    lookups      bigint not null,
    primary key (household_id, lookup_day)
);
