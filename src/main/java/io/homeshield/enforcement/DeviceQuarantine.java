package io.homeshield.enforcement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Desired state: while this row exists the device must be quarantined on its router. */
@Entity
@Table(name = "device_quarantine")
public class DeviceQuarantine extends PanacheEntityBase {

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "router_id", nullable = false)
    public UUID routerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public QuarantineLevel level;

    /** Null means until released. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
}
