package io.homeshield.enforcement;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A router parameter HomeShield has asked the router to hold (the desired state behind a settings change). */
@Entity
@Table(name = "router_desired_parameter")
public class DesiredParameter extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "wanted_value", nullable = false, length = 1024)
    public String value;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "router_id")
        public UUID routerId;

        @Column(length = 256)
        public String path;

        protected Key() {
        }

        Key(UUID routerId, String path) {
            this.routerId = routerId;
            this.path = path;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && routerId.equals(k.routerId) && path.equals(k.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(routerId, path);
        }
    }

    static void put(UUID routerId, String path, String value, String requestedBy, Instant now) {
        Key key = new Key(routerId, path);
        DesiredParameter desired = findById(key);
        boolean added = desired == null;
        if (added) {
            desired = new DesiredParameter();
            desired.key = key;
        }
        desired.value = value;
        desired.requestedBy = requestedBy;
        desired.updatedAt = now;
        if (added) {
            desired.persist();
        }
    }
}
