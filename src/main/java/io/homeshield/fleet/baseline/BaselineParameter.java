package io.homeshield.fleet.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.homeshield.fleet.ParameterPaths;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One expected parameter of a baseline: its path (instance numbers may be {@code {i}}), the allowed
 * values (the first is the one put back), whether subscribers may change it, and its revert rule.
 */
@Entity
@Table(name = "fleet_baseline_parameter")
public class BaselineParameter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "baseline_id", nullable = false)
    public UUID baselineId;

    @Column(nullable = false, length = 256)
    public String path;

    /** Comma-separated allowed values; the first is the one a revert sets. */
    @Column(nullable = false, length = 1024)
    public String expected;

    @Column(name = "subscriber_may_change", nullable = false)
    public boolean subscriberMayChange;

    @Enumerated(EnumType.STRING)
    @Column(name = "revert_mode", nullable = false, length = 16)
    public RevertMode revertMode;

    public List<String> allowedValues() {
        return Arrays.stream(expected.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public String revertValue() {
        return allowedValues().get(0);
    }

    public boolean covers(String concretePath) {
        return ParameterPaths.matches(path, concretePath);
    }

    /** Whether the value breaks the baseline, given who set it. */
    public boolean deviates(String value, String source) {
        if (value != null && allowedValues().contains(value.strip())) {
            return false;
        }
        return !(subscriberMayChange && "user".equals(source));
    }
}
