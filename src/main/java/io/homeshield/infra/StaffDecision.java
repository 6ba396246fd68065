package io.homeshield.infra;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a decision staff store (a suppressed alert pattern, a fleet remediation job) keeps with it: why,
 * who decided, and when.
 */
@MappedSuperclass
public abstract class StaffDecision extends PanacheEntityBase {

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
