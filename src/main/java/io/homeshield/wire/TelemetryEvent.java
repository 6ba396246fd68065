package io.homeshield.wire;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One thing the router saw; {@code type} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HostEvent.class, name = "host"),
        @JsonSubTypes.Type(value = FlowEvent.class, name = "flow"),
        @JsonSubTypes.Type(value = DnsEvent.class, name = "dns"),
        @JsonSubTypes.Type(value = ConfigEvent.class, name = "config") })
@Schema(oneOf = { HostEvent.class, FlowEvent.class, DnsEvent.class, ConfigEvent.class },
        discriminatorProperty = "type", discriminatorMapping = {
                @DiscriminatorMapping(value = "host", schema = HostEvent.class),
                @DiscriminatorMapping(value = "flow", schema = FlowEvent.class),
                @DiscriminatorMapping(value = "dns", schema = DnsEvent.class),
                @DiscriminatorMapping(value = "config", schema = ConfigEvent.class) })
public sealed interface TelemetryEvent permits HostEvent, FlowEvent, DnsEvent, ConfigEvent {
}
