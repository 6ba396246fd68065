package io.homeshield.routers.usp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;

/**
 * A device the router sees on its LAN ({@code Device.Hosts.Host.{i}.}).
 *
 * @param ipAddress null when the router reports none
 */
record LanHost(MacAddress mac, IpAddress ipAddress, String hostName, boolean active) {

    /** Rows without a usable MAC address are left out: HomeShield knows devices by their MAC. */
    static List<LanHost> of(Map<String, Map<String, String>> instances) {
        List<LanHost> hosts = new ArrayList<>(instances.size());
        for (Map<String, String> params : instances.values()) {
            String mac = params.get("PhysAddress");
            if (!MacAddress.isValid(mac)) {
                continue;
            }
            String ip = params.get("IPAddress");
            hosts.add(new LanHost(MacAddress.of(mac), IpAddress.isValid(ip) ? IpAddress.of(ip) : null,
                    params.getOrDefault("HostName", ""),
                    Boolean.parseBoolean(params.get("Active")) || "1".equals(params.get("Active"))));
        }
        return hosts;
    }
}
