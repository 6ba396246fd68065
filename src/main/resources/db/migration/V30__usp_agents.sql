-- What HomeShield knows of each USP agent, by its endpoint id: where it listens, the USP record version it
-- speaks, and the parts of the data model it supports (read with GetSupportedDM), with a sentence for people.
create table usp_agent (
    endpoint_id        varchar(255) primary key,
    reply_topic        varchar(255),
    usp_version        varchar(16),
    supported_model    varchar(8000),
    capability_summary varchar(1000),
    model_read_at      timestamp with time zone,
    updated_at         timestamp with time zone not null
);

-- The policy a router's own access-control entry had before HomeShield set it to Deny, put back on release.
create table usp_access_control_previous (
    id             varchar(300) primary key,
    endpoint_id    varchar(255) not null,
    mac            varchar(17) not null,
    alias          varchar(64) not null,
    access_policy  varchar(16) not null,
    enable         boolean not null,
    remembered_at  timestamp with time zone not null
);
