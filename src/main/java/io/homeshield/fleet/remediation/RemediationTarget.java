package io.homeshield.fleet.remediation;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One router of a job: its place in the order, its wave, its state and the action sent to it. */
@Entity
@Table(name = "remediation_target")
public class RemediationTarget extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(nullable = false)
    public int position;

    public Integer wave;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TargetState state;

    @Column(name = "action_id")
    public UUID actionId;

    @Column(length = 500)
    public String detail;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "job_id")
        public UUID jobId;

        @Column(name = "router_id")
        public UUID routerId;

        protected Key() {
        }

        public Key(UUID jobId, UUID routerId) {
            this.jobId = jobId;
            this.routerId = routerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && jobId.equals(k.jobId) && routerId.equals(k.routerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, routerId);
        }
    }

    public UUID routerId() {
        return key.routerId;
    }
}
