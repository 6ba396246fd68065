package io.homeshield.simulator.scenario;

import static io.homeshield.simulator.scenario.DailyRhythm.DAY;
import static io.homeshield.simulator.scenario.DailyRhythm.HOUR;
import static io.homeshield.simulator.scenario.DailyRhythm.MINUTE;
import static io.homeshield.simulator.scenario.DailyRhythm.SECOND;
import static io.homeshield.simulator.scenario.DailyRhythm.between;
import static io.homeshield.simulator.scenario.DailyRhythm.exponential;
import static io.homeshield.simulator.scenario.DailyRhythm.jittered;
import static io.homeshield.simulator.scenario.DailyRhythm.nextAt;
import static io.homeshield.simulator.scenario.DailyRhythm.whenPeopleAre;

import java.util.List;
import java.util.SplittableRandom;

/** Devices people use: phones, laptops, TVs, streaming sticks and consoles. */
final class PeopleDevices {

    private PeopleDevices() {
    }

    static void phone(Home home, DeviceTraffic t, SplittableRandom seed) {
        boolean apple = seed.nextBoolean();
        Internet.Service push = apple ? Internet.APPLE_PUSH : Internet.GOOGLE_PUSH;
        Internet.Service photos = apple ? Internet.ICLOUD_PHOTOS : Internet.GOOGLE_PHOTOS;
        Internet.Service time = apple ? Internet.APPLE_TIME : Internet.ANDROID_TIME;
        home.every(seed, 40 * SECOND, (now, r) -> {
            webVisit(home.internet(), t, now, r);
            return now + whenPeopleAre(r, now, 90 * SECOND);
        });
        home.every(seed, 10 * MINUTE, (now, r) -> {
            t.tcp(now, push.address(r), push.port(), 4_000, 6_000, 600_000);
            return now + jittered(r, 10 * MINUTE, 0.05);
        });
        home.every(seed, 20 * MINUTE, (now, r) -> {
            String ip = t.resolve(now, Internet.GOOGLE_APIS.name(), Internet.GOOGLE_APIS.address(r));
            t.tcp(now + 40, ip, 443, 3_000 + r.nextInt(20_000), 8_000 + r.nextInt(80_000), 900);
            if (r.nextInt(3) == 0) {
                t.tcp(now + 200, t.resolve(now + 100, Internet.CONNECTIVITY_CHECK.name(),
                        Internet.CONNECTIVITY_CHECK.address(r)), 443, 500, 700, 120);
            }
            return now + jittered(r, 20 * MINUTE, 0.4);
        });
        home.every(seed, 2 * HOUR, (now, r) -> {
            t.udp(now, t.resolve(now, time.name(), time.address(r)), 123, 76, 76, 1, 1, 30);
            return now + jittered(r, 3 * HOUR, 0.3);
        });
        home.every(seed, DAY, (now, r) -> {
            if (r.nextInt(3) == 0) {
                uploadInChunks(t, photos.address(r), now, 60 + r.nextInt(300), 15_000_000, r);
            }
            return nextAt(r, now, 1, 3 * HOUR);
        });
        // Some apps test the network by asking a public resolver once.
        home.every(seed, DAY, (now, r) -> {
            t.udp(now, "8.8.8.8", 53, 70, 110, 1, 1, 25);
            return now + jittered(r, DAY, 0.5);
        });
    }

    static void laptop(Home home, DeviceTraffic t, SplittableRandom seed) {
        HomeChoices choices = home.choices();
        home.every(seed, 30 * SECOND, (now, r) -> {
            if (r.nextInt(40) == 0) {
                // A browser checking whether the network rewrites unknown names.
                for (int i = 0; i < 3; i++) {
                    t.lookup(now + i, Internet.chars(r, "abcdefghijklmnopqrstuvwxyz", 7 + r.nextInt(9)), "NXDOMAIN",
                            List.of());
                }
            }
            webVisit(home.internet(), t, now, r);
            return now + whenPeopleAre(r, now, 60 * SECOND);
        });
        home.every(seed, DAY, (now, r) -> {
            String ip = t.resolve(now, Internet.WINDOWS_UPDATE.name(), Internet.WINDOWS_UPDATE.address(r));
            for (int i = 0; i < 10; i++) {
                t.tcp(now + i * 30 * SECOND, ip, 443, 200_000, 40_000_000, 30_000);
            }
            return nextAt(r, now, 3, 2 * HOUR);
        });
        if (choices.developer()) {
            home.every(seed, 2 * HOUR, (now, r) -> {
                if (between(now, 8, 23)) {
                    int fetches = 2 + r.nextInt(5);
                    for (int i = 0; i < fetches; i++) {
                        t.tcp(now + i * 1500, Internet.GITHUB_SSH.address(r), 22, 3_500, 6_000 + r.nextInt(9_000),
                                1_200);
                    }
                }
                return now + exponential(r, 90 * MINUTE);
            });
        }
        if (choices.vpnGateway() != null) {
            home.every(seed, MINUTE, (now, r) -> {
                if (between(now, 8, 18)) {
                    t.udp(now, choices.vpnGateway(), 1194, 2_000_000, 9_000_000, 4_000, 8_000, 60_000);
                }
                return now + MINUTE;
            });
        }
        home.every(seed, DAY, (now, r) -> {
            if (between(now, 8, 18) || r.nextBoolean()) {
                String ip = t.resolve(now, Internet.ZOOM.name(), Internet.ZOOM.address(r));
                for (int i = 0; i < 60; i++) {
                    t.udp(now + i * 30 * SECOND, ip, 8801, 6_000_000, 9_000_000, 9_000, 11_000, 30_000);
                }
            }
            return nextAt(r, now, 9, 9 * HOUR);
        });
    }

    static void tv(Home home, DeviceTraffic t, SplittableRandom seed) {
        Internet.Service cloud = home.choices().tvCloud();
        home.every(seed, DAY, (now, r) -> {
            streamEvening(t, now, r, true);
            return nextAt(r, now, 19, 2 * HOUR);
        });
        home.every(seed, 5 * MINUTE, (now, r) -> {
            t.tcp(now, t.resolve(now, cloud.name(), cloud.address(r)), 443, 1_500, 3_000, 400);
            if (r.nextInt(2) == 0) {
                // Old firmware still asks for a retired host name.
                t.lookup(now + 10, "ads-legacy.smarttv-portal.com", "NXDOMAIN", List.of());
            }
            return now + jittered(r, 5 * MINUTE, 0.3);
        });
    }

    /** A stick with its vendor's resolver built in: it never asks the router. */
    static void streamingStick(Home home, DeviceTraffic t, SplittableRandom seed) {
        home.every(seed, DAY, (now, r) -> {
            streamEvening(t, now, r, false);
            return nextAt(r, now, 20, 2 * HOUR);
        });
        home.every(seed, 15 * MINUTE, (now, r) -> {
            t.udp(now, "8.8.8.8", 53, 80, 140, 1, 1, 20);
            t.udp(now + 5, "8.8.4.4", 53, 80, 140, 1, 1, 20);
            t.tcp(now + 50, Internet.GOOGLE_HOME.address(r), 443, 2_000, 4_000, 600);
            return now + jittered(r, 15 * MINUTE, 0.3);
        });
    }

    static void console(Home home, DeviceTraffic t, SplittableRandom seed) {
        boolean playstation = seed.nextBoolean();
        Internet.Service network = playstation ? Internet.PLAYSTATION : Internet.XBOX;
        home.every(seed, DAY, (now, r) -> {
            if (r.nextInt(3) > 0) {
                String server = Internet.GAME_SERVERS.address(r);
                int minutes = 30 + r.nextInt(120);
                for (int i = 0; i < minutes; i++) {
                    t.udp(now + i * MINUTE, server, 3074, 600_000, 1_800_000, 3_600, 3_600, 60_000);
                }
            }
            return nextAt(r, now, 18, 4 * HOUR);
        });
        home.every(seed, 30 * MINUTE, (now, r) -> {
            t.tcp(now, t.resolve(now, network.name(), network.address(r)), 443, 2_000, 5_000, 700);
            return now + jittered(r, 30 * MINUTE, 0.2);
        });
    }

    /** A web page: its name, its address, and the ads, trackers and CDN hosts it pulls in. */
    static void webVisit(Internet internet, DeviceTraffic t, long now, SplittableRandom r) {
        if (r.nextInt(60) == 0) {
            t.lookup(now, Internet.typo(internet.site(r), r), "NXDOMAIN", List.of());
            now += 3 * SECOND;
        }
        String site = internet.site(r);
        String ip = t.resolve(now, site, Internet.addressOf(site));
        t.tcp(now + 30, ip, 443, 2_000 + r.nextInt(15_000), 40_000 + r.nextInt(1_500_000), 2_000 + r.nextInt(20_000));
        int extras = 1 + r.nextInt(3);
        for (int i = 0; i < extras; i++) {
            Internet.Service extra = Internet.PAGE_EXTRAS.get(r.nextInt(Internet.PAGE_EXTRAS.size()));
            t.tcp(now + 60 + i, t.resolve(now + 50 + i, extra.name(), extra.address(r)), 443, 1_500, 20_000, 800);
        }
        if (r.nextInt(3) == 0) {
            String cdn = r.nextBoolean() ? Internet.cloudfrontName(r) : Internet.akamaiName(r);
            t.tcp(now + 80, t.resolve(now + 70, cdn, "13.32." + r.nextInt(64) + "." + (2 + r.nextInt(250))), 443,
                    1_500, 300_000, 1_500);
        }
    }

    private static void streamEvening(DeviceTraffic t, long start, SplittableRandom r, boolean netflix) {
        int minutes = 60 + r.nextInt(180);
        String cdn = null;
        for (int m = 0; m < minutes; m += 1) {
            long at = start + m * MINUTE;
            if (m % 20 == 0) {
                String name = netflix && r.nextBoolean() ? Internet.netflixVideoName(r) : Internet.googleVideoName(r);
                cdn = t.resolve(at, name, "74.125." + r.nextInt(64) + "." + (2 + r.nextInt(250)));
            }
            t.tcp(at + 100, cdn, 443, 300_000, 45_000_000, 60_000);
        }
    }

    static void uploadInChunks(DeviceTraffic t, String ip, long start, int chunks, long bytesPerChunk,
            SplittableRandom r) {
        for (int i = 0; i < chunks; i++) {
            long bytes = bytesPerChunk / 2 + r.nextLong(bytesPerChunk);
            t.tcp(start + i * 30 * SECOND, ip, 443, bytes, bytes / 40, 30_000);
        }
    }
}
