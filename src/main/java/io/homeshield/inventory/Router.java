package io.homeshield.inventory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.homeshield.household.HouseholdId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer-premises router, managed by the provider through one channel. */
@Entity
@Table(name = "router")
public class Router extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "serial_number", nullable = false, unique = true, length = 64)
    public String serialNumber;

    @Column(nullable = false, length = 100)
    public String model;

    @Column(nullable = false, length = 100)
    public String firmware;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ManagementChannel channel;

    /** Where the channel reaches the router: a USP endpoint id, an ACS device id, a ubus URL. */
    @Column(name = "management_address")
    public String managementAddress;

    /** Keyed hash of the router's ingest secret; the secret itself is shown once and never stored. */
    @Column(name = "credential_hash", length = 64)
    public String credentialHash;

    @Column(name = "credential_issued_at")
    public Instant credentialIssuedAt;

    /** The user name of the router's own management login (OpenWrt rpcd); null where the channel needs none. */
    @Column(name = "management_username", length = 64)
    public String managementUsername;

    /** That login's password, sealed with the deployment's key (AES-GCM); never stored in the clear. */
    @Column(name = "management_password_sealed", length = 255)
    public String managementPasswordSealed;

    @Column(name = "last_contact_at")
    public Instant lastContactAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    protected Router() {
    }

    public Router(HouseholdId household, String serialNumber, String model, String firmware,
            ManagementChannel channel, String managementAddress, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.householdId = household.value();
        this.serialNumber = serialNumber;
        this.model = model;
        this.firmware = firmware;
        this.channel = channel;
        this.managementAddress = managementAddress;
        this.createdAt = createdAt;
    }

    public HouseholdId household() {
        return new HouseholdId(householdId);
    }
}
