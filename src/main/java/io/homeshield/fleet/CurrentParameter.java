package io.homeshield.fleet;

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

/** The latest known value of one watched parameter of one router, and who set it. */
@Entity
@Table(name = "router_config_current")
public class CurrentParameter extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "current_value", length = 1024)
    public String value;

    @Column(nullable = false, length = 16)
    public String source;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "router_id")
        public UUID routerId;

        @Column(length = 256)
        public String path;

        protected Key() {
        }

        public Key(UUID routerId, String path) {
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

    public UUID routerId() {
        return key.routerId;
    }

    public String path() {
        return key.path;
    }
}
