package io.homeshield.fleet.forensics;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One collection of evidence from one router: who asked, what it is, its hash; the content is stored apart. */
@Entity
@Table(name = "evidence_snapshot")
public class EvidenceSnapshot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "router_id", nullable = false)
    public UUID routerId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "action_id", nullable = false)
    public UUID actionId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "collected_at", nullable = false)
    public Instant collectedAt;

    @Column(nullable = false, length = 100)
    public String model;

    @Column(nullable = false, length = 100)
    public String firmware;

    @Column(nullable = false, length = 32)
    public String channel;

    /** SHA-256 of the downloadable file (the compressed snapshot), hex. */
    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "stored_bytes", nullable = false)
    public long storedBytes;

    @Column(name = "parameter_count", nullable = false)
    public int parameterCount;

    @Column(name = "file_count", nullable = false)
    public int fileCount;

    @Column(name = "not_collected", length = 4000)
    public String notCollected;

    @Column(nullable = false)
    public boolean latest;

    /** What the router could not give, one sentence each. */
    public List<String> notCollectedList() {
        return notCollected == null || notCollected.isBlank() ? List.of() : Arrays.asList(notCollected.split("\n"));
    }
}
