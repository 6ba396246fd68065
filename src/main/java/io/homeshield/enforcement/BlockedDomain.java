package io.homeshield.enforcement;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Desired state: a domain the household blocks, for every device or for one ({@link #deviceId}). */
// The query name stays DomainBlock: queries written against it elsewhere keep working.
@Entity(name = "DomainBlock")
@Table(name = "domain_block")
public class BlockedDomain extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    /** Normalised DNS name; its subdomains are blocked too. */
    @Column(nullable = false, length = 253)
    public String domain;

    /** Null: every device of the household, but those in {@link #exemptDevices}. */
    @Column(name = "device_id")
    public UUID deviceId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "domain_block_exemption", joinColumns = @JoinColumn(name = "block_id"))
    @Column(name = "device_id")
    public Set<UUID> exemptDevices = new HashSet<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean householdWide() {
        return deviceId == null;
    }
}
