package io.homeshield.enforcement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.homeshield.inventory.RouterParameterKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A router parameter HomeShield has asked the router to hold (the desired state behind a settings change). */
@Entity
@Table(name = "router_desired_parameter")
public class DesiredParameter extends PanacheEntityBase {

    @EmbeddedId
    public RouterParameterKey key;

    @Column(name = "wanted_value", nullable = false, length = 1024)
    public String value;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static void put(UUID routerId, String path, String value, String requestedBy, Instant now) {
        RouterParameterKey key = new RouterParameterKey(routerId, path);
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
