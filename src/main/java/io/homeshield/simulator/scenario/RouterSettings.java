package io.homeshield.simulator.scenario;

import static io.homeshield.simulator.scenario.DailyRhythm.DAY;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import io.homeshield.wire.ConfigEvent;

/**
 * Changes of a router's own name-server settings: the ordinary ones (the provider re-provisions,
 * the router re-learns its resolvers after a reboot, the owner picks a public resolver or a
 * Pi-hole) and the attack (DNSChanger-style malware points the router at its own resolver).
 */
final class RouterSettings {

    /** The provider's resolvers, which routers learn from it. */
    static final List<String> PROVIDER_RESOLVERS = List.of("192.0.2.53", "192.0.2.54");
    private static final String WAN_DNS = "Device.DNS.Client.Server.%d.DNSServer";
    private static final String LAN_DNS = "Device.DHCPv4.Server.Pool.1.DNSServers";
    private static final String ROUTER_LAN_ADDRESS = "192.168.1.1";
    private static final String[] PUBLIC = { "1.1.1.1", "9.9.9.9", "8.8.8.8", "94.140.14.14", "45.90.28.193" };

    private RouterSettings() {
    }

    /** What happens to an ordinary router over the days simulated; seeded by the router, so traffic stays the same. */
    static void ordinary(Home home, long end) {
        SplittableRandom random = new SplittableRandom(home.routerId().getMostSignificantBits());
        long start = home.start();
        for (long day = start; day < end; day += DAY) {
            if (random.nextInt(3) == 0) {
                // A reboot: the WAN resolvers are learnt again from the provider.
                long at = day + random.nextLong(DAY);
                change(home, at, WAN_DNS.formatted(1), "", PROVIDER_RESOLVERS.get(0), "unknown");
                change(home, at, WAN_DNS.formatted(2), "", PROVIDER_RESOLVERS.get(1), "unknown");
            }
            if (random.nextInt(8) == 0) {
                change(home, day + random.nextLong(DAY), WAN_DNS.formatted(1), PROVIDER_RESOLVERS.get(0),
                        PROVIDER_RESOLVERS.get(1), "acs");
            }
        }
        int habit = random.nextInt(10);
        long at = start + random.nextLong(Math.max(1, end - start));
        if (habit == 0) {
            change(home, at, WAN_DNS.formatted(1), PROVIDER_RESOLVERS.get(0), PUBLIC[random.nextInt(PUBLIC.length)],
                    "user");
        } else if (habit == 1) {
            change(home, at, LAN_DNS, ROUTER_LAN_ADDRESS, "192.168.1." + (2 + random.nextInt(200)), "user");
        } else if (habit == 2) {
            change(home, at, LAN_DNS, ROUTER_LAN_ADDRESS, ROUTER_LAN_ADDRESS + ","
                    + PUBLIC[random.nextInt(PUBLIC.length)],
                    "user");
        }
    }

    /** The attack: the router's resolvers, and what it hands to the LAN, point at the attacker's resolver. */
    static void attack(Home home, Infection infection, long onset, SplittableRandom random) {
        if (infection != Infection.ROUTER_DNS_HIJACK) {
            throw new IllegalArgumentException(infection + " does not attack a router");
        }
        String rogue = Internet.randomPublicAddress(random);
        change(home, onset, WAN_DNS.formatted(1), PROVIDER_RESOLVERS.get(0), rogue, "unknown");
        change(home, onset, WAN_DNS.formatted(2), PROVIDER_RESOLVERS.get(1), "8.8.8.8", "unknown");
        change(home, onset + 1_000, LAN_DNS, ROUTER_LAN_ADDRESS, rogue + ",8.8.8.8", "unknown");
    }

    private static void change(Home home, long at, String path, String from, String to, String source) {
        home.settingChanged(new ConfigEvent(path, from, to, source, Instant.ofEpochMilli(at)));
    }
}
