package io.homeshield.wire;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A DNS lookup a LAN device made through the router. */
@Schema(name = "DnsEvent", description = "type=dns: a DNS lookup made by a LAN device.")
public record DnsEvent(
        @Schema(required = true, examples = "3C:84:6A:12:34:56") @NotNull @Mac String mac,
        @Schema(required = true, examples = "cdn.example.com") @NotNull @DnsName String query,
        @Schema(description = "Query type.", examples = "A") @Size(max = 16) String qtype,
        @Schema(description = "Response code: NOERROR, NXDOMAIN, SERVFAIL, REFUSED ...", examples = "NOERROR")
        @Size(max = 16) String rcode,
        @Schema(description = "Addresses or names in the answer.", examples = "[\"93.184.216.34\"]")
        @Size(max = 64) List<@Size(max = 255) String> answers,
        @Schema(description = "When the lookup happened; defaults to the batch's sentAt.")
        Instant at) implements TelemetryEvent {
}
