package io.homeshield.simulator;

import java.util.List;

import io.homeshield.net.MacAddress;

/**
 * A device on a demo household's LAN: its address, the name it gives the router's DHCP server, how
 * it behaves, and any destination it contacts in every interval (a compromised device's controller).
 */
record DemoDevice(MacAddress mac, String ip, String hostname, TrafficProfile profile, List<Destination> beacons) {

    DemoDevice {
        beacons = List.copyOf(beacons);
    }

    static DemoDevice of(String mac, String ip, String hostname, TrafficProfile profile) {
        return new DemoDevice(MacAddress.of(mac), ip, hostname, profile, List.of());
    }
}
