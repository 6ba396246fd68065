package io.homeshield.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A household said an alert is not a threat; analysts review such feedback across the fleet. */
@Entity
@Table(name = "alert_feedback")
public class AlertFeedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "alert_type", nullable = false, length = 40)
    public String alertType;

    @Column(nullable = false, length = 300)
    public String indicator;

    @Column(name = "device_vendor")
    public String deviceVendor;

    @Column(name = "device_type", nullable = false, length = 24)
    public String deviceType;

    @Column(length = 500)
    public String comment;

    @Column(name = "given_by", nullable = false)
    public String givenBy;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state", nullable = false, length = 16)
    public ReviewState reviewState;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
