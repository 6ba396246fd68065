package io.homeshield.fleet.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic fleet's configuration changes: every router occasionally changes its DNS server
 * the way people do (to a public resolver, back to the provider's, to a resolver in their own
 * home network, to a private service of their own), toggles UPnP or renames its Wi-Fi; on top of
 * it, optionally, a campaign moves a share of one model's routers to the same rogue resolver.
 */
final class FleetChurn {

    static final String DNS = "Device.DNS.Client.Server.%d.DNSServer";
    static final String PROVIDER_RESOLVER = "10.255.0.53";
    static final List<String> ROGUE = List.of("203.0.113.66", "203.0.113.67");
    static final RouterGroup TARGETED = new RouterGroup("HS-Box 7", "1.4.2", "usp");

    private static final List<String> PUBLIC = List.of("8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9",
            "149.112.112.112", "208.67.222.222", "94.140.14.14");
    private static final List<RouterGroup> GROUPS = List.of(TARGETED, new RouterGroup("HS-Box 7", "1.5.0", "usp"),
            new RouterGroup("HS-Box 5", "2.1.8", "genieacs"), new RouterGroup("FritzBox 7590", "7.57", "genieacs"),
            new RouterGroup("OpenWrt One", "24.10.1", "openwrt"));

    record Router(UUID id, RouterGroup group) {
    }

    final List<Router> routers = new ArrayList<>();
    final List<ConfigObservation> changes = new ArrayList<>();
    final List<ConfigObservation> rogueChanges = new ArrayList<>();
    private final Random random;

    FleetChurn(long seed, int fleetSize) {
        random = new Random(seed);
        for (int i = 0; i < fleetSize; i++) {
            routers.add(new Router(new UUID(seed, i), GROUPS.get(i % GROUPS.size())));
        }
    }

    /** People's own changes: {@code dnsPerRouterPerDay} DNS changes and as many other changes per router per day. */
    FleetChurn benign(Instant from, Duration span, double dnsPerRouterPerDay) {
        long changesInSpan = Math.round(routers.size() * dnsPerRouterPerDay * span.toMinutes() / (24.0 * 60));
        for (long n = 0; n < changesInSpan; n++) {
            Router router = routers.get(random.nextInt(routers.size()));
            Instant at = from.plusMillis((long) (random.nextDouble() * span.toMillis()));
            changes.add(new ConfigObservation(router.id(), router.group(), dnsPath(), benignDns(), at));
            Router other = routers.get(random.nextInt(routers.size()));
            changes.add(otherChange(other, from.plusMillis((long) (random.nextDouble() * span.toMillis()))));
        }
        return this;
    }

    /**
     * {@code shareOfFleet} of all routers, all of the targeted model and firmware, switch to the rogue resolver over
     * {@code span}.
     */
    FleetChurn campaign(Instant from, Duration span, double shareOfFleet) {
        int affected = (int) Math.round(routers.size() * shareOfFleet);
        List<Router> targets = routers.stream().filter(r -> r.group().equals(TARGETED)).toList();
        List<Router> shuffled = new ArrayList<>(targets);
        java.util.Collections.shuffle(shuffled, random);
        for (Router router : shuffled.subList(0, affected)) {
            Instant at = from.plusMillis((long) (random.nextDouble() * span.toMillis()));
            ConfigObservation change = new ConfigObservation(router.id(), router.group(), dnsPath(),
                    ROGUE.get(random.nextInt(ROGUE.size())), at);
            changes.add(change);
            rogueChanges.add(change);
        }
        return this;
    }

    List<ConfigObservation> inTimeOrder() {
        List<ConfigObservation> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(ConfigObservation::at));
        return sorted;
    }

    private String dnsPath() {
        return String.format(DNS, 1 + random.nextInt(2));
    }

    private String benignDns() {
        double p = random.nextDouble();
        if (p < 0.65) {
            return PUBLIC.get(random.nextInt(PUBLIC.size()));
        }
        if (p < 0.80) {
            return PROVIDER_RESOLVER;
        }
        if (p < 0.95) {
            // a resolver in the home network (a Pi-hole): the same few private prefixes everywhere
            return (random.nextBoolean() ? "192.168.1." : "192.168.178.") + (2 + random.nextInt(250));
        }
        return (11 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254));
    }

    private ConfigObservation otherChange(Router router, Instant at) {
        return switch (random.nextInt(3)) {
            case 0 -> new ConfigObservation(router.id(), router.group(), "Device.UPnP.Device.Enable",
                    String.valueOf(random.nextBoolean()), at);
            case 1 -> new ConfigObservation(router.id(), router.group(), "Device.WiFi.SSID.1.SSID",
                    "home-" + Integer.toHexString(random.nextInt()), at);
            default -> new ConfigObservation(router.id(), router.group(), "Device.UserInterface.RemoteAccess.Enable",
                    "false", at);
        };
    }
}
