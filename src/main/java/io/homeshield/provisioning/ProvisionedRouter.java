package io.homeshield.provisioning;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.homeshield.infra.http.EntityTags;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;

/** A registered router; its ingest secret and management login appear only in the answer that issued them. */
@Schema(name = "ProvisionedRouter")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionedRouter(UUID id, UUID householdId, String serialNumber, String model, String firmware,
        ManagementChannel channel, String managementAddress, Instant lastContactAt, Instant createdAt,
        @Schema(description = "The router's telemetry secret (HTTP Basic password or MQTT password, with the"
                + " router id as user name); shown once, only a keyed hash is kept") String ingestSecret,
        @Schema(description = "An OpenWrt router's own rpcd login, to install on that router; shown once, kept"
                + " only encrypted") ManagementLogin managementLogin) {

    /** The ETag over what a change can change: channel, address and firmware. */
    String etag() {
        return EntityTags.of(channel, managementAddress, firmware);
    }

    static ProvisionedRouter of(Router r) {
        return withSecret(r, null);
    }

    static ProvisionedRouter withSecret(Router r, String secret) {
        return issued(r, secret, null);
    }

    static ProvisionedRouter issued(Router r, String secret, ManagementLogin login) {
        return new ProvisionedRouter(r.id, r.householdId, r.serialNumber, r.model, r.firmware, r.channel,
                r.managementAddress, r.lastContactAt, r.createdAt, secret, login);
    }
}
