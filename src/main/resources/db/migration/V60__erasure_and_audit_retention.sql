-- An erased household's audit entries stay, with its identifying fields replaced by a pseudonym. The
-- entry keeps its original seal in hash (so the next entry's link still holds) and gains a redaction
-- seal under the current audit key over its new content and that original seal.
alter table audit_entry add column redacted_at timestamp with time zone;
alter table audit_entry add column redaction_key_id varchar(32);
alter table audit_entry add column redaction_seal varchar(64);

-- Retention removes the oldest audit entries. The checkpoint of the removed prefix (the last removed
-- entry's place in the chain and its seal, signed with an audit key) is where verification starts.
create table audit_anchor (
    id              integer primary key,
    chain_position  bigint      not null,
    hash            varchar(64) not null,
    removed_before  timestamp with time zone not null,
    anchored_at     timestamp with time zone not null,
    key_id          varchar(32) not null,
    seal            varchar(64) not null
);

-- A household to be erased: pending during its grace period (cancellable), then withdrawing its
-- quarantines and blocklists from the routers, then erased. Once erased only the pseudonym remains.
create table household_erasure (
    id                 uuid primary key,
    household_id       uuid unique,
    pseudonym          uuid         not null,
    requested_by       varchar(255) not null,
    requested_role     varchar(32)  not null,
    reason             varchar(500),
    requested_at       timestamp with time zone not null,
    due_at             timestamp with time zone not null,
    state              varchar(16)  not null,
    withdrawing_since  timestamp with time zone,
    erased_at          timestamp with time zone
);
create index household_erasure_due on household_erasure (state, due_at);
