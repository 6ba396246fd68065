package io.homeshield.telemetry;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One accepted batch; its (router, sequence) key makes a resent batch a harmless duplicate. */
@Entity
@Table(name = "telemetry_receipt")
@IdClass(TelemetryReceipt.Key.class)
public class TelemetryReceipt extends PanacheEntityBase {

    @Id
    @Column(name = "router_id")
    public UUID routerId;

    @Id
    public long sequence;

    @Column(name = "event_count", nullable = false)
    public int eventCount;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The day (UTC) of the batch's own sentAt: the same in every resend, so the receipt's partition finds it. */
    @Column(name = "sent_day", nullable = false)
    public LocalDate sentDay;

    public static class Key implements Serializable {
        public UUID routerId;
        public long sequence;

        public Key() {
        }

        public Key(UUID routerId, long sequence) {
            this.routerId = routerId;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.routerId.equals(routerId) && k.sequence == sequence;
        }

        @Override
        public int hashCode() {
            return routerId.hashCode() * 31 + Long.hashCode(sequence);
        }
    }
}
