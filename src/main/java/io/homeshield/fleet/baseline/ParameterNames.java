package io.homeshield.fleet.baseline;

import io.homeshield.fleet.ParameterPaths;

/** Words for the parameters baselines usually cover, so a household reads "DNS server", not a TR-181 path. */
public final class ParameterNames {

    private ParameterNames() {
    }

    public static String of(String path) {
        return switch (ParameterPaths.pattern(path)) {
            case "Device.DNS.Client.Server.{i}.DNSServer", "Device.DNS.Relay.Forwarding.{i}.DNSServer",
                    "Device.DHCPv4.Server.Pool.{i}.DNSServers" -> "DNS server";
            case "Device.UserInterface.RemoteAccess.Enable" -> "Remote administration";
            case "Device.UPnP.Device.Enable" -> "UPnP";
            case "Device.ManagementServer.URL" -> "Provider management address (ACS URL)";
            case "Device.DeviceInfo.SoftwareVersion" -> "Firmware version";
            default -> path;
        };
    }
}
