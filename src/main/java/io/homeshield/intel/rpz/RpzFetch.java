package io.homeshield.intel.rpz;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A resolver's latest fetch of the zone: from where, which serial, and whether it was sent again (200) or not (304).
 */
@Entity
@Table(name = "rpz_fetch")
public class RpzFetch extends PanacheEntityBase {

    @Id
    public String resolver;

    @Column(name = "source_address", nullable = false, length = 64)
    public String sourceAddress;

    @Column(nullable = false)
    public long serial;

    @Column(nullable = false)
    public int answer;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;
}
