package io.homeshield.fleet.campaign;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A configuration campaign: many routers making the same change faster than usual. */
@Entity
@Table(name = "fleet_campaign")
public class Campaign extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String ENDED = "ENDED";

    @Id
    public UUID id;

    /** The parameter with instance numbers as {@code {i}}. */
    @Column(nullable = false, length = 256)
    public String parameter;

    /** The value, or its /24 for an IPv4 address. */
    @Column(name = "value_key", nullable = false, length = 128)
    public String valueKey;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "routers_at_detection", nullable = false)
    public int routersAtDetection;

    @Column(name = "expected_at_detection", nullable = false)
    public double expectedAtDetection;

    @Column(nullable = false)
    public int affected;

    @Column(nullable = false, length = 16)
    public String status;
}
