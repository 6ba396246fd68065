package io.homeshield.fleet;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of one watched parameter of a router's configuration, with who made it. */
@Entity
@Table(name = "router_config_change")
public class ConfigChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "router_id", nullable = false)
    public UUID routerId;

    @Column(nullable = false, length = 256)
    public String path;

    @Column(name = "old_value", length = 1024)
    public String oldValue;

    @Column(name = "new_value", length = 1024)
    public String newValue;

    /** user (in the router's own UI), acs, controller, or unknown. */
    @Column(nullable = false, length = 16)
    public String source;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    protected ConfigChange() {
    }

    public ConfigChange(UUID routerId, String path, String oldValue, String newValue, String source, Instant changedAt,
            Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.routerId = routerId;
        this.path = path;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.source = source == null ? "unknown" : source;
        this.changedAt = changedAt;
        this.receivedAt = receivedAt;
    }
}
