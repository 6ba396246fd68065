-- Which channels showed an alert's pattern: the router's own telemetry (HTTP, MQTT; authenticated)
-- or exported flow records (UDP; the source address can be forged). Automatic quarantine does not
-- act on an alert that only exported flows showed until the router's own telemetry corroborates it.
-- Alerts raised before this change came from the router's own channel or were already acted on.
alter table alert add column seen_in_router_telemetry boolean default true not null;
alter table alert add column seen_in_flow_export boolean default false not null;
