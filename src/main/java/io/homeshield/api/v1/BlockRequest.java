package io.homeshield.api.v1;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.net.DomainName;

/** A domain to block, for every device or for one. */
@Schema(name = "BlockRequest")
public record BlockRequest(
        @Schema(description = "A domain name; its subdomains are blocked too", examples = "ads.example.com",
                required = true) String domain,
        @Schema(type = SchemaType.STRING, format = "uuid", description = "Block it for this device only; absent for"
                + " every device", nullable = true) String deviceId) {

    DomainName domainName() {
        try {
            return DomainName.of(domain == null ? "" : domain);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("domain", e.getMessage());
        }
    }

    UUID device() {
        return ApiProblems.uuid("deviceId", deviceId).orElse(null);
    }
}
