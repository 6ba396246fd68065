package io.homeshield.fleet.baseline;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The provider's expected configuration of one router model (and firmware, or every firmware when empty). */
@Entity
@Table(name = "fleet_baseline")
public class Baseline extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String model;

    /** Empty: the baseline of every firmware of the model without one of its own. */
    @Column(nullable = false, length = 100)
    public String firmware;

    /** Comma-separated firmware versions the provider allows on this model. */
    @Column(name = "allowed_firmware", nullable = false, length = 1000)
    public String allowedFirmware;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> allowedFirmwareVersions() {
        return Arrays.stream(allowedFirmware.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public List<BaselineParameter> parameters() {
        return BaselineParameter.list("baselineId = ?1 order by path", id);
    }

    public String label() {
        return firmware.isEmpty() ? model + " (every firmware)" : model + " " + firmware;
    }
}
