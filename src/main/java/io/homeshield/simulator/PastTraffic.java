package io.homeshield.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.homeshield.inventory.ActivityCounts;
import io.homeshield.inventory.DestinationCounts;
import io.homeshield.simulator.TrafficProfile.Visit;

/**
 * What a demo device sent in hours gone by, as the hourly and daily roll-ups the ingest would have
 * written from the live simulator's batches: each destination of the device's profile visited with the
 * same chance per interval, one lookup and one connection per visit. People's devices follow the
 * household's day (quiet at night, busy in the evening); things run around the clock. The numbers
 * for an hour depend only on the seed, the device and the hour, so filling an hour again, or another
 * hour, never changes what an hour holds.
 */
final class PastTraffic {

    /** How busy people are at each hour of the household's (Central European) day; phones still sync at night. */
    private static final double[] PEOPLE = { 0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.7, 0.6, 0.35, 0.3, 0.35,
            0.45, 0.35, 0.3, 0.35, 0.5, 0.7, 0.9, 1.0, 1.0, 0.9, 0.6, 0.25 };
    private static final int LOCAL_OFFSET_HOURS = 1;
    private static final Set<TrafficProfile> ENTERTAINMENT = EnumSet.of(TrafficProfile.LG_TV,
            TrafficProfile.SAMSUNG_TV, TrafficProfile.SONOS, TrafficProfile.ECHO);

    private final long seed;
    private final long intervalsPerHour;
    private final Map<Key, long[]> hours = new HashMap<>();
    private final Map<DestinationKey, long[]> days = new HashMap<>();

    private record Key(UUID deviceId, Instant hour) {
    }

    private record DestinationKey(UUID deviceId, LocalDate day, String destination) {
    }

    PastTraffic(long seed, Duration interval) {
        this.seed = seed;
        this.intervalsPerHour = Math.max(1, Duration.ofHours(1).toMillis() / interval.toMillis());
    }

    /** Adds what the device did in the hour starting at {@code hour}; its beacons are left out (they began today). */
    void hour(UUID deviceId, DemoDevice device, Instant hour) {
        Random random = new Random(seed ^ device.mac().value().hashCode() * 31L ^ hour.getEpochSecond());
        double busy = usedByPeople(device.profile()) ? people(hour) : 0.85 + 0.15 * random.nextDouble();
        LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);
        for (Visit visit : device.profile().visits) {
            double expected = intervalsPerHour * visit.chance() * busy;
            long visits = Math.max(0, Math.round(expected + random.nextGaussian() * Math.sqrt(expected)));
            if (visits == 0) {
                continue;
            }
            Destination.Volume volume = visit.destination().volume();
            long out = visits * around(random, volume.minOut, volume.maxOut);
            long in = visits * around(random, volume.minIn, volume.maxIn);
            long[] counts = hours.computeIfAbsent(new Key(deviceId, hour), k -> new long[4]);
            counts[0] += out;
            counts[1] += in;
            counts[2] += visits;
            counts[3] += visits;
            long[] destination = days.computeIfAbsent(
                    new DestinationKey(deviceId, day, visit.destination().name().value()), k -> new long[2]);
            destination[0] += out + in;
            destination[1] += visits;
        }
    }

    List<ActivityCounts> activity() {
        List<ActivityCounts> out = new ArrayList<>(hours.size());
        hours.forEach((k, v) -> out.add(new ActivityCounts(k.deviceId(), k.hour(), v[0], v[1], v[2], v[3])));
        return out;
    }

    List<DestinationCounts> destinations() {
        List<DestinationCounts> out = new ArrayList<>(days.size());
        days.forEach((k, v) -> out.add(new DestinationCounts(k.deviceId(), k.day(), k.destination(), v[0], v[1])));
        return out;
    }

    /** Phones and laptops go where people go; screens, consoles and speakers are on when people are. */
    static boolean usedByPeople(TrafficProfile profile) {
        return profile.comesAndGoes || ENTERTAINMENT.contains(profile);
    }

    /** How busy people are in the hour starting at {@code hour} (UTC), with a little day-to-day variation. */
    static double people(Instant hour) {
        int local = (int) ((hour.truncatedTo(ChronoUnit.HOURS).getEpochSecond() / 3_600 + LOCAL_OFFSET_HOURS) % 24);
        return PEOPLE[local];
    }

    /** The mean of the range, give or take a fifth. */
    private static long around(Random random, long min, long max) {
        double mean = (min + max) / 2.0;
        return Math.max(min, Math.round(mean * (0.8 + 0.4 * random.nextDouble())));
    }
}
