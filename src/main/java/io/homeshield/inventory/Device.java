package io.homeshield.inventory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.homeshield.net.MacAddress;

/** A device on a household's LAN, as its router sees it; unique per router and MAC. */
@Entity
@Table(name = "device")
public class Device extends RouterScopedEntity {

    @Column(nullable = false, length = 17)
    public String mac;

    @Column(name = "ip_address", length = 45)
    public String ipAddress;

    public String hostname;

    public String vendor;

    @Enumerated(EnumType.STRING)
    @Column(name = "device_type", nullable = false, length = 24)
    public DeviceType type;

    /** The name the household gave it; beats every name the network reports. */
    @Column(name = "user_label", length = 100)
    public String userLabel;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(nullable = false)
    public boolean online;

    protected Device() {
    }

    public Device(Router router, MacAddress mac, Instant seenAt) {
        this.id = UUID.randomUUID();
        this.householdId = router.householdId;
        this.routerId = router.id;
        this.mac = mac.value();
        this.type = DeviceType.UNKNOWN;
        this.firstSeen = seenAt;
        this.lastSeen = seenAt;
        this.online = true;
    }

    public MacAddress macAddress() {
        return new MacAddress(mac);
    }

    /** The name to show a person: their own label, else the hostname, else vendor and type. */
    public String displayName() {
        if (userLabel != null && !userLabel.isBlank()) {
            return userLabel;
        }
        if (hostname != null && !hostname.isBlank()) {
            return hostname;
        }
        return vendor != null ? vendor + " device" : "Unknown device " + mac;
    }
}
