package io.homeshield.intel.rpz;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The zone's current serial and the hash of the content it was given for; a single row. */
@Entity
@Table(name = "rpz_zone_version")
public class RpzZoneVersion extends PanacheEntityBase {

    static final int ONLY = 1;

    @Id
    public Integer id;

    @Column(nullable = false)
    public long serial;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(nullable = false)
    public int names;

    @Column(nullable = false)
    public long bytes;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
