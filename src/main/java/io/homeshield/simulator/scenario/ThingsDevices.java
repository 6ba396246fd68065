package io.homeshield.simulator.scenario;

import static io.homeshield.simulator.scenario.DailyRhythm.DAY;
import static io.homeshield.simulator.scenario.DailyRhythm.HOUR;
import static io.homeshield.simulator.scenario.DailyRhythm.MINUTE;
import static io.homeshield.simulator.scenario.DailyRhythm.SECOND;
import static io.homeshield.simulator.scenario.DailyRhythm.jittered;
import static io.homeshield.simulator.scenario.DailyRhythm.nextAt;
import static io.homeshield.simulator.scenario.DailyRhythm.whenPeopleAre;

import java.util.SplittableRandom;

/** Devices that run by themselves: speakers, cameras, NAS boxes, thermostats, printers. */
final class ThingsDevices {

    private ThingsDevices() {
    }

    /** Checks in with its cloud every 30 seconds, like clockwork: a benign beacon to a popular service. */
    static void speaker(Home home, DeviceTraffic t, SplittableRandom seed) {
        Internet.Service cloud = home.choices().speakerCloud();
        home.every(seed, 30 * SECOND, (now, r) -> {
            t.tcp(now, cloud.address(r), 443, 900, 1_400, 180);
            return now + jittered(r, 30 * SECOND, 0.01);
        });
        home.every(seed, HOUR, (now, r) -> {
            t.resolve(now, cloud.name(), cloud.address(r));
            t.udp(now + 20, t.resolve(now + 10, Internet.NTP_POOL.name(), Internet.NTP_POOL.address(r)), 123, 76, 76,
                    1, 1, 25);
            return now + jittered(r, HOUR, 0.1);
        });
        home.every(seed, 3 * HOUR, (now, r) -> {
            String ip = t.resolve(now, Internet.SPOTIFY.name(), Internet.SPOTIFY.address(r));
            int songs = 3 + r.nextInt(15);
            for (int i = 0; i < songs; i++) {
                t.tcp(now + i * 3 * MINUTE, ip, 443, 20_000, 8_000_000, 180_000);
            }
            return now + whenPeopleAre(r, now, 3 * HOUR);
        });
    }

    static void camera(Home home, DeviceTraffic t, SplittableRandom seed) {
        HomeChoices choices = home.choices();
        Internet.Service cloud = choices.cameraCloud();
        String broker = cloud.address(seed);
        home.every(seed, MINUTE, (now, r) -> {
            // The router exports the long-lived control connection once a minute.
            long video = choices.continuousRecording() ? 6_000_000 + r.nextInt(3_000_000) : 0;
            t.tcp(now, broker, cloud.port(), 3_000 + video, 2_000 + video / 50, 60_000);
            return now + MINUTE;
        });
        home.every(seed, 10 * MINUTE, (now, r) -> {
            t.resolve(now, cloud.name(), broker);
            return now + jittered(r, 10 * MINUTE, 0.2);
        });
        home.every(seed, 20 * MINUTE, (now, r) -> {
            // A motion clip.
            long clip = 2_000_000 + r.nextInt(8_000_000);
            t.tcp(now, cloud.address(r), 443, clip, clip / 60, 8_000);
            return now + whenPeopleAre(r, now, 20 * MINUTE);
        });
        home.every(seed, HOUR, (now, r) -> {
            t.udp(now, t.resolve(now, Internet.NTP_POOL.name(), Internet.NTP_POOL.address(r)), 123, 76, 76, 1, 1, 25);
            return now + jittered(r, HOUR, 0.05);
        });
    }

    static void nas(Home home, DeviceTraffic t, SplittableRandom seed) {
        HomeChoices choices = home.choices();
        home.every(seed, DAY, (now, r) -> {
            String ip = t.resolve(now, choices.backupCloud().name(), choices.backupCloud().address(r));
            PeopleDevices.uploadInChunks(t, ip, now, 60 + r.nextInt(120), 20_000_000, r);
            return nextAt(r, now, 1, HOUR);
        });
        home.every(seed, 5 * MINUTE, (now, r) -> {
            Internet.Service ddns = choices.dynamicDns();
            t.tcp(now, t.resolve(now, ddns.name(), ddns.address(r)), 443, 700, 900, 250);
            return now + jittered(r, 5 * MINUTE, 0.005);
        });
        home.every(seed, HOUR, (now, r) -> {
            t.udp(now, t.resolve(now, Internet.NTP_POOL.name(), Internet.NTP_POOL.address(r)), 123, 76, 76, 1, 1, 25);
            return now + jittered(r, 4 * HOUR, 0.2);
        });
        home.every(seed, 2 * HOUR, (now, r) -> {
            // Someone at home copies photos from the NAS to a phone, or streams a film from it: local traffic
            // the router does not report as flows; only the check for updates goes out.
            t.tcp(now, t.resolve(now, Internet.SYNOLOGY_C2.name(), Internet.SYNOLOGY_C2.address(r)), 443, 1_000,
                    4_000, 500);
            return now + jittered(r, 6 * HOUR, 0.3);
        });
    }

    static void thermostat(Home home, DeviceTraffic t, SplittableRandom seed) {
        Internet.Service cloud = home.choices().thermostatCloud();
        home.every(seed, MINUTE, (now, r) -> {
            t.tcp(now, cloud.address(r), 443, 600, 800, 300);
            return now + jittered(r, MINUTE, 0.02);
        });
        home.every(seed, 30 * MINUTE, (now, r) -> {
            t.resolve(now, cloud.name(), cloud.address(r));
            return now + jittered(r, 30 * MINUTE, 0.1);
        });
    }

    static void printer(Home home, DeviceTraffic t, SplittableRandom seed) {
        home.every(seed, 6 * HOUR, (now, r) -> {
            String ip = t.resolve(now, Internet.PRINTER_CLOUD.name(), Internet.PRINTER_CLOUD.address(r));
            t.tcp(now + 30, ip, 443, 2_000, 3_000, 900);
            return now + jittered(r, 6 * HOUR, 0.3);
        });
    }
}
