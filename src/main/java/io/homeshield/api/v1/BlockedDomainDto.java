package io.homeshield.api.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.enforcement.BlockedDomain;

/** A domain (and its subdomains) the household's router refuses to resolve. */
@Schema(name = "BlockedDomain")
public record BlockedDomainDto(
        UUID id,
        @Schema(examples = "ads.example.com") String domain,
        @Schema(description = "The one device it applies to; null for every device of the household", nullable = true)
        UUID deviceId,
        @Schema(description = "Devices spared from a block for every device") List<UUID> exemptDeviceIds,
        Instant createdAt) {

    static BlockedDomainDto of(BlockedDomain block) {
        return new BlockedDomainDto(block.id, block.domain, block.deviceId,
                block.exemptDevices.stream().sorted().toList(), block.createdAt);
    }
}
