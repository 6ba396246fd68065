package io.homeshield.simulator.scenario;

import static io.homeshield.simulator.scenario.DailyRhythm.HOUR;
import static io.homeshield.simulator.scenario.DailyRhythm.MINUTE;
import static io.homeshield.simulator.scenario.DailyRhythm.SECOND;
import static io.homeshield.simulator.scenario.DailyRhythm.exponential;
import static io.homeshield.simulator.scenario.DailyRhythm.jittered;

import java.util.List;
import java.util.SplittableRandom;

/** What infected devices do from their onset on, modelled on the botnets seen in the wild. */
final class Infections {

    /** How long an attack goes on; a checking-in bot keeps checking in. */
    static final long ATTACK_LENGTH = HOUR;
    private static final String[] SCAN_PORTS = { "23", "2323", "7547", "5555", "37215", "52869" };
    private static final String[] DGA_TLDS = { ".com", ".net", ".org", ".info", ".biz", ".ru" };

    private Infections() {
    }

    static void start(Home home, DeviceTraffic t, Infection infection, long onset, SplittableRandom seed) {
        String server = Internet.randomPublicAddress(seed);
        long end = onset + ATTACK_LENGTH;
        switch (infection) {
            case MIRAI_SCANNER -> {
                controller(home, t, server, onset, end);
                home.at(onset, (now, r) -> {
                    String target = Internet.randomPublicAddress(r);
                    // Mirai writes the target's address into the SYN's sequence number.
                    t.syn(now, target, r.nextInt(10) == 0 ? 2323 : 23, ipv4(target));
                    return next(now + exponential(r, 200), end);
                });
            }
            case MIRAI_SCANNER_WITHOUT_FINGERPRINT -> {
                controller(home, t, server, onset, end);
                home.at(onset, (now, r) -> {
                    t.syn(now, Internet.randomPublicAddress(r),
                            Integer.parseInt(SCAN_PORTS[r.nextInt(SCAN_PORTS.length)]),
                            null);
                    return next(now + exponential(r, 350), end);
                });
            }
            case C2_BEACON -> home.at(onset, (now, r) -> {
                t.tcp(now, server, 443, 350 + r.nextInt(100), 200 + r.nextInt(300), 150 + r.nextInt(200));
                return now + jittered(r, 5 * SECOND, 0.03);
            });
            case DGA_BOT -> home.at(onset, (now, r) -> {
                String name = Internet.chars(r, "abcdefghijklmnopqrstuvwxyz", 10 + r.nextInt(7))
                        + DGA_TLDS[r.nextInt(DGA_TLDS.length)];
                if (r.nextInt(40) == 0) {
                    t.tcp(now + 30, t.resolve(now, name, server), 443, 600, 900, 400);
                } else {
                    t.lookup(now, name, "NXDOMAIN", List.of());
                }
                return next(now + 500 + r.nextInt(2_000), end);
            });
            case SSH_BRUTE_FORCE -> home.at(onset, (now, r) -> {
                t.tcp(now, server, 22, 2_400 + r.nextInt(800), 2_800 + r.nextInt(800), 1_500 + r.nextInt(2_000));
                return next(now + 2 * SECOND + r.nextInt(2_000), end);
            });
            case DATA_EXFILTRATION -> home.at(onset, (now, r) -> {
                long bytes = 12_000_000 + r.nextInt(6_000_000);
                t.tcp(now, server, 443, bytes, bytes / 60, 10_000);
                return next(now + 10 * SECOND, onset + 15 * MINUTE);
            });
            case DDOS_PARTICIPANT -> home.at(onset, (now, r) -> {
                long packets = 10_000 + r.nextInt(5_000);
                t.udp(now, server, 1 + r.nextInt(65_000), packets * 512, 0, packets, 0, 5_000);
                return next(now + 5 * SECOND, onset + 10 * MINUTE);
            });
            default -> throw new IllegalArgumentException(infection.name());
        }
    }

    /** Mirai asks a public resolver for its controller's name, then keeps a connection to it. */
    private static void controller(Home home, DeviceTraffic t, String server, long onset, long end) {
        home.at(onset, (now, r) -> {
            t.udp(now, "8.8.8.8", 53, 70, 120, 1, 1, 30);
            t.tcp(now + 100, server, 23, 400, 300, 60_000);
            return next(now + MINUTE, end);
        });
    }

    private static long next(long at, long end) {
        return at < end ? at : Activity.NEVER;
    }

    private static long ipv4(String address) {
        long bits = 0;
        for (String octet : address.split("\\.")) {
            bits = bits << 8 | Integer.parseInt(octet);
        }
        return bits;
    }
}
