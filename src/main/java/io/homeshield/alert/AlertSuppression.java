package io.homeshield.alert;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.homeshield.infra.StaffDecision;

/** A pattern (alert type and indicator) the provider's analysts found harmless: no household is alerted about it. */
@Entity
@Table(name = "alert_suppression")
public class AlertSuppression extends StaffDecision {

    @Id
    public UUID id;

    @Column(name = "alert_type", nullable = false, length = 40)
    public String alertType;

    @Column(nullable = false, length = 300)
    public String indicator;
}
