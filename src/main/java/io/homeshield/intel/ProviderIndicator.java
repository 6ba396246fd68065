package io.homeshield.intel;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A destination the provider's analysts confirmed as malicious: part of the provider's own feed
 * from {@link #addedAt} until {@link #validUntil} or until an analyst expires it.
 */
@Entity
@Table(name = "provider_indicator")
public class ProviderIndicator extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public IndicatorKind kind;

    /** The normalised host name, address or CIDR range. */
    @Column(nullable = false, length = 253)
    public String indicator;

    @Column(nullable = false, length = 500)
    public String reason;

    /** The alert whose destination was promoted, if it came from one. */
    @Column(name = "source_alert_id")
    public UUID sourceAlertId;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    /** When it stops matching by itself; null for until expired by hand. */
    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "expired_by")
    public String expiredBy;

    @Column(name = "expired_at")
    public Instant expiredAt;

    @Column(name = "expire_reason", length = 500)
    public String expireReason;

    /** Last change, so every instance notices changes made through another. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Whether the provider's resolvers answer for it for everybody (the Response Policy Zone). */
    @Column(name = "block_fleet_wide", nullable = false)
    public boolean blockFleetWide;

    @Column(name = "block_changed_by")
    public String blockChangedBy;

    @Column(name = "block_changed_at")
    public Instant blockChangedAt;

    @Column(name = "block_reason", length = 500)
    public String blockReason;

    public boolean inForceAt(Instant now) {
        return expiredAt == null && (validUntil == null || now.isBefore(validUntil));
    }
}
