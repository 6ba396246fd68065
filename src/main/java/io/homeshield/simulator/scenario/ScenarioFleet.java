package io.homeshield.simulator.scenario;

import static io.homeshield.simulator.scenario.DailyRhythm.DAY;
import static io.homeshield.simulator.scenario.DailyRhythm.HOUR;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A fleet of simulated households for a stretch of time: ordinary homes, and homes where one
 * device gets infected after a day of ordinary life. Every router posts its batch every
 * {@link #BATCH_INTERVAL}; batches come out in time order across the fleet. The same seed gives
 * the same fleet, the same traffic, the same onsets.
 */
public final class ScenarioFleet {

    public static final Duration BATCH_INTERVAL = Duration.ofSeconds(5);

    /** Which kind of device each infection takes over. */
    private static final Map<Infection, DeviceKind> VICTIMS = Map.of(
            Infection.MIRAI_SCANNER, DeviceKind.CAMERA,
            Infection.MIRAI_SCANNER_WITHOUT_FINGERPRINT, DeviceKind.CAMERA,
            Infection.C2_BEACON, DeviceKind.CAMERA,
            Infection.DGA_BOT, DeviceKind.LAPTOP,
            Infection.SSH_BRUTE_FORCE, DeviceKind.NAS,
            Infection.DATA_EXFILTRATION, DeviceKind.NAS,
            Infection.DDOS_PARTICIPANT, DeviceKind.CAMERA,
            Infection.ROUTER_DNS_HIJACK, DeviceKind.ROUTER);

    /** The provider's resolvers, which the fleet's routers use unless someone changes them. */
    public static final List<String> PROVIDER_RESOLVERS = RouterSettings.PROVIDER_RESOLVERS;

    private final List<Home> homes = new ArrayList<>();
    private final long start;
    private final long end;

    /**
     * @param homesPerInfection how many homes get each kind of infection (onset on the second day,
     *        so the fleet has learnt what is normal)
     */
    public ScenarioFleet(long seed, int benignHomes, int homesPerInfection, Instant start, Duration length) {
        this.start = start.toEpochMilli();
        this.end = this.start + length.toMillis();
        if (homesPerInfection > 0 && length.toMillis() < 2 * DAY) {
            throw new IllegalArgumentException("infections start on the second day: simulate at least two days");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Internet internet = new Internet();
        for (int i = 0; i < benignHomes; i++) {
            homes.add(furnished(internet, random.split(), null, 0));
        }
        for (Infection infection : Infection.values()) {
            for (int i = 0; i < homesPerInfection; i++) {
                long onset = this.start + DAY + 2 * HOUR + random.nextLong(20 * HOUR);
                homes.add(furnished(internet, random.split(), infection, onset));
            }
        }
    }

    /** Every device of the fleet with the truth about it. */
    public List<LabelledDevice> devices() {
        List<LabelledDevice> all = new ArrayList<>();
        homes.forEach(home -> all.addAll(home.devices()));
        return all;
    }

    /** Simulated days of ordinary devices: the exposure false alarms are counted against. */
    public double benignDeviceDays() {
        return devices().stream().filter(d -> !d.isInfected()).count() * (end - start) / (double) DAY;
    }

    /** Simulated days of ordinary routers, whose settings change too. */
    public double benignRouterDays() {
        long hijacked = devices().stream().filter(d -> d.kind() == DeviceKind.ROUTER).count();
        return (homes.size() - hijacked) * (end - start) / (double) DAY;
    }

    /** Runs the fleet from start to end, handing each router's batch over as it would be posted. */
    public void play(Consumer<RouterBatch> routerPosts) {
        long interval = BATCH_INTERVAL.toMillis();
        for (long sentAt = start + interval; sentAt <= end; sentAt += interval) {
            for (Home home : homes) {
                RouterBatch batch = home.postAt(sentAt);
                if (batch != null) {
                    routerPosts.accept(batch);
                }
            }
        }
    }

    private Home furnished(Internet internet, SplittableRandom random, Infection infection, long onset) {
        Home home = new Home(new UUID(random.nextLong(), random.nextLong()), internet, random, start);
        add(home, DeviceKind.PHONE, 1 + random.nextInt(4));
        add(home, DeviceKind.LAPTOP, random.nextInt(3));
        add(home, DeviceKind.TV, random.nextInt(5) < 4 ? 1 : 0);
        add(home, DeviceKind.STREAMING_STICK, random.nextInt(10) < 3 ? 1 : 0);
        add(home, DeviceKind.SMART_SPEAKER, random.nextInt(3));
        add(home, DeviceKind.CAMERA, random.nextInt(3));
        add(home, DeviceKind.GAME_CONSOLE, random.nextInt(3) == 0 ? 1 : 0);
        add(home, DeviceKind.NAS, random.nextInt(10) < 3 ? 1 : 0);
        add(home, DeviceKind.THERMOSTAT, random.nextInt(10) < 4 ? 1 : 0);
        add(home, DeviceKind.PRINTER, random.nextBoolean() ? 1 : 0);
        if (infection != null) {
            home.add(VICTIMS.get(infection), infection, onset);
        }
        if (infection != Infection.ROUTER_DNS_HIJACK) {
            RouterSettings.ordinary(home, end);
        }
        return home;
    }

    private static void add(Home home, DeviceKind kind, int count) {
        for (int i = 0; i < count; i++) {
            home.add(kind, null, 0);
        }
    }
}
