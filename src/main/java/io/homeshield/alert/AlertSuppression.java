package io.homeshield.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A pattern (alert type and indicator) the provider's analysts found harmless: no household is alerted about it. */
@Entity
@Table(name = "alert_suppression")
public class AlertSuppression extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alert_type", nullable = false, length = 40)
    public String alertType;

    @Column(nullable = false, length = 300)
    public String indicator;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
