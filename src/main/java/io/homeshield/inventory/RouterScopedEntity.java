package io.homeshield.inventory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every row about something on a household's router carries: its own id, the household and the
 * router. Devices, their alerts and the actions sent to the router are such rows.
 */
@MappedSuperclass
public abstract class RouterScopedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "router_id", nullable = false)
    public UUID routerId;
}
