-- Routers that export flow records (IPFIX / NetFlow v9): the address their export datagrams come
-- from. The provider's provisioning keeps it current (e.g. when a router's WAN address changes).
create table flow_exporter (
    address        varchar(45) primary key,
    router_id      uuid        not null references router (id),
    registered_at  timestamp with time zone not null
);
create index flow_exporter_router on flow_exporter (router_id);
