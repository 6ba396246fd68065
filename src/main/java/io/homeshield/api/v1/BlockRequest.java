package io.homeshield.api.v1;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.enforcement.PersonEnteredDomain;
import io.homeshield.infra.json.ClosedShape;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.net.DomainName;

/** A domain to block, for every device or for one. */
@ClosedShape
@Schema(name = "BlockRequest")
public record BlockRequest(
        @Schema(description = "A domain name under a public suffix; its subdomains are blocked too. A public suffix "
                + "(com, co.uk), a single label (localhost), an IP address or text with control characters is refused",
                examples = "ads.example.com",
                required = true) String domain,
        @Schema(type = SchemaType.STRING, format = "uuid", description = "Block it for this device only; absent for"
                + " every device", nullable = true) String deviceId) {

    DomainName domainName() {
        try {
            return PersonEnteredDomain.parse(domain);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("domain", e.getMessage());
        }
    }

    UUID device() {
        return ApiProblems.uuid("deviceId", deviceId).orElse(null);
    }
}
