-- Invitations to join a household: the invitee (an e-mail address or a sign-in name, lower case)
-- accepts after signing in and becomes a member with the offered role.
create table household_invitation (
    id            uuid primary key,
    household_id  uuid         not null references household (id),
    invitee       varchar(255) not null,
    role          varchar(16)  not null,
    invited_by    varchar(255) not null,
    created_at    timestamp with time zone not null,
    accepted_by   varchar(255),
    accepted_at   timestamp with time zone
);
create index household_invitation_invitee on household_invitation (invitee, accepted_at);
create index household_invitation_household on household_invitation (household_id, created_at);

-- Which live notifications a member wants in the portal: ALL alerts, SERIOUS ones (high, critical), or NONE.
alter table household_member add column notify_level varchar(16) not null default 'SERIOUS';

-- The portal's reads: newest alerts of a household or device, changes since a moment (live updates),
-- a device's actions.
create index alert_household_last_seen on alert (household_id, last_seen);
create index alert_household_created on alert (household_id, created_at);
create index alert_household_status_changed on alert (household_id, status_changed_at);
create index alert_device_last_seen on alert (device_id, last_seen);
create index enforcement_action_device on enforcement_action (device_id, requested_at);
create index enforcement_action_household_updated on enforcement_action (household_id, updated_at);
