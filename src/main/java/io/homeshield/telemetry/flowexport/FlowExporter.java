package io.homeshield.telemetry.flowexport;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A router known by the address its flow export datagrams come from. */
@Entity
@Table(name = "flow_exporter")
public class FlowExporter extends PanacheEntityBase {

    /** Canonical text of the exporter's source address. */
    @Id
    public String address;

    @Column(name = "router_id", nullable = false)
    public UUID routerId;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
