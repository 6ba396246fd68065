-- Desired state: domains a household blocks, for every device (device_id null) or for one device.
create table domain_block (
    id            uuid primary key,
    household_id  uuid         not null references household (id),
    domain        varchar(253) not null,
    device_id     uuid         references device (id),
    created_by    varchar(255) not null,
    created_at    timestamp with time zone not null
);
-- One block per household, domain and scope: DomainBlockService checks under the household's lock
-- (a partial unique index would say it too, but the embedded dev database has none).
create index domain_block_household on domain_block (household_id, domain);

-- Devices a household-wide block does not apply to.
create table domain_block_exemption (
    block_id   uuid not null references domain_block (id) on delete cascade,
    device_id  uuid not null references device (id),
    primary key (block_id, device_id)
);
