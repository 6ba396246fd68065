package io.homeshield.fleet;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.homeshield.inventory.RouterParameterKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest known value of one watched parameter of one router, and who set it. */
@Entity
@Table(name = "router_config_current")
public class CurrentParameter extends PanacheEntityBase {

    @EmbeddedId
    public RouterParameterKey key;

    @Column(name = "current_value", length = 1024)
    public String value;

    @Column(nullable = false, length = 16)
    public String source;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public UUID routerId() {
        return key.routerId;
    }

    public String path() {
        return key.path;
    }
}
