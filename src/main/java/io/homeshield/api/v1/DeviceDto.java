package io.homeshield.api.v1;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;

/** A device on the household's network, as the mobile app shows it. */
@Schema(name = "Device")
public record DeviceDto(
        UUID id,
        @Schema(description = "The name to show: the household's own label, else the hostname, else vendor and type",
                examples = "Living-room camera") String name,
        @Schema(examples = "AC:CC:8E:12:34:56") String mac,
        @Schema(examples = "192.168.1.23", nullable = true) String ip,
        @Schema(examples = "ipcam-1234", nullable = true) String hostname,
        @Schema(examples = "Axis Communications AB", nullable = true) String vendor,
        DeviceType type,
        @Schema(description = "The name the household gave it", nullable = true) String userLabel,
        Instant firstSeen,
        Instant lastSeen,
        boolean online,
        @Schema(description = "Present while the device is to be kept quarantined", nullable = true)
        Quarantine quarantine,
        @Schema(description = "Alerts about this device that are still open", examples = "1") long openAlerts) {

    /** The device's desired quarantine; whether the router has applied it yet is told by its latest action. */
    @Schema(name = "DeviceQuarantine")
    public record Quarantine(QuarantineLevel level,
            @Schema(description = "When the quarantine ends by itself; null means until released", nullable = true)
            Instant expiresAt,
            Instant requestedAt) {

        static Quarantine of(DeviceQuarantine q) {
            return q == null ? null : new Quarantine(q.level, q.expiresAt, q.requestedAt);
        }
    }

    /** The entity tag of what an edit can change: the household's name for it and its type. */
    static String etag(String userLabel, DeviceType type) {
        return ETags.of(userLabel, type);
    }

    static DeviceDto of(Device device, DeviceQuarantine quarantine, long openAlerts) {
        return new DeviceDto(device.id, device.displayName(), device.mac, device.ipAddress, device.hostname,
                device.vendor, device.type, device.userLabel, device.firstSeen, device.lastSeen, device.online,
                Quarantine.of(quarantine), openAlerts);
    }
}
