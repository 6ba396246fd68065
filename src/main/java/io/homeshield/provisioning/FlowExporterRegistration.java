package io.homeshield.provisioning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An address a router's flow export datagrams (IPFIX, NetFlow v9) come from. */
@Schema(name = "FlowExporterRegistration")
public record FlowExporterRegistration(
        @Schema(description = "The source address of the router's export datagrams as the collector sees it"
                + " (an IPv4 or IPv6 literal, after any NAT on the way)", required = true, examples = "100.64.12.7")
        String address) {
}
