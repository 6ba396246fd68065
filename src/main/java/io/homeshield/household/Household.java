package io.homeshield.household;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A home or small-business customer of the provider. */
@Entity
@Table(name = "household")
public class Household extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_number", nullable = false, unique = true, length = 32)
    public String accountNumber;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public HouseholdKind kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Quarantine a device at once when a high or critical alert opens on it. */
    @Column(name = "auto_quarantine", nullable = false)
    public boolean autoQuarantine;

    protected Household() {
    }

    public Household(String accountNumber, String displayName, HouseholdKind kind, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.accountNumber = accountNumber;
        this.displayName = displayName;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    public HouseholdId householdId() {
        return new HouseholdId(id);
    }

    public static Household findByAccountNumber(String accountNumber) {
        return find("accountNumber", accountNumber).firstResult();
    }
}
