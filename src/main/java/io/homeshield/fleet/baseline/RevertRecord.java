package io.homeshield.fleet.baseline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a revert rule did to one router (or, in dry-run mode, would have done). */
@Entity
@Table(name = "fleet_revert")
public class RevertRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "parameter_id", nullable = false)
    public UUID parameterId;

    @Column(name = "router_id", nullable = false)
    public UUID routerId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(nullable = false, length = 256)
    public String path;

    @Column(name = "found_value", length = 1024)
    public String foundValue;

    @Column(name = "wanted_value", nullable = false, length = 1024)
    public String wantedValue;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
