package io.homeshield.api.v1;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.Severity;

/** Something suspicious a device did (or that happened to the router), explained for the subscriber. */
@Schema(name = "Alert")
public record AlertDto(
        UUID id,
        @Schema(description = "The device it concerns; absent (null) for an alert about the router itself,"
                + " such as ROUTER_DNS_HIJACK")
        UUID deviceId,
        @Schema(examples = "KNOWN_BAD_DESTINATION") String type,
        Severity severity,
        AlertStatus status,
        @Schema(examples = "Contact with a known malicious host") String title,
        @Schema(description = "What was seen and why it matters, in plain words") String explanation,
        @Schema(description = "What to do about it") String advice,
        @Schema(description = "The destination or pattern that matched", examples = "malware.example.net")
        String indicator,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, additionalProperties = Schema.True.class,
                description = "The evidence; its keys depend on the alert type")
        JsonNode evidence,
        @Schema(description = "How often it was seen", examples = "3") long occurrences,
        Instant firstSeen,
        Instant lastSeen) {
}
