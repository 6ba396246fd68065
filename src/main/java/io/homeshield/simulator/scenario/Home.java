package io.homeshield.simulator.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;

import io.homeshield.wire.ConfigEvent;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;

/** One simulated household: its router, its devices and what they do, in event time. */
final class Home {

    private static final Comparator<TelemetryEvent> BY_TIME = Comparator.comparingLong(Home::timeOf);

    private final UUID routerId;
    private final Internet internet;
    private final HomeChoices choices;
    private final SplittableRandom random;
    private final long start;
    private final PriorityQueue<Activity> activities = new PriorityQueue<>();
    private final PriorityQueue<TelemetryEvent> seen = new PriorityQueue<>(BY_TIME);
    private final List<LabelledDevice> devices = new ArrayList<>();
    private long sequence;

    Home(UUID routerId, Internet internet, SplittableRandom random, long start) {
        this.routerId = routerId;
        this.internet = internet;
        this.random = random;
        this.start = start;
        this.choices = HomeChoices.pick(random);
    }

    Internet internet() {
        return internet;
    }

    HomeChoices choices() {
        return choices;
    }

    List<LabelledDevice> devices() {
        return devices;
    }

    /** Adds a device of this kind, doing what such devices do, and from {@code onset} on what the infection does. */
    void add(DeviceKind kind, Infection infection, long onset) {
        if (kind == DeviceKind.ROUTER) {
            RouterSettings.attack(this, infection, onset, random.split());
            devices.add(new LabelledDevice(routerId, null, kind, infection, Instant.ofEpochMilli(onset)));
            return;
        }
        String mac = mac(kind);
        DeviceTraffic traffic = new DeviceTraffic(mac, seen);
        SplittableRandom seed = random.split();
        switch (kind) {
            case PHONE -> PeopleDevices.phone(this, traffic, seed);
            case LAPTOP -> PeopleDevices.laptop(this, traffic, seed);
            case TV -> PeopleDevices.tv(this, traffic, seed);
            case STREAMING_STICK -> PeopleDevices.streamingStick(this, traffic, seed);
            case GAME_CONSOLE -> PeopleDevices.console(this, traffic, seed);
            case SMART_SPEAKER -> ThingsDevices.speaker(this, traffic, seed);
            case CAMERA -> ThingsDevices.camera(this, traffic, seed);
            case NAS -> ThingsDevices.nas(this, traffic, seed);
            case THERMOSTAT -> ThingsDevices.thermostat(this, traffic, seed);
            case PRINTER -> ThingsDevices.printer(this, traffic, seed);
            default -> throw new IllegalArgumentException(kind.name());
        }
        if (infection != null) {
            Infections.start(this, traffic, infection, onset, seed);
        }
        devices.add(new LabelledDevice(routerId, mac, kind, infection, infection == null ? null
                : Instant.ofEpochMilli(onset)));
    }

    UUID routerId() {
        return routerId;
    }

    long start() {
        return start;
    }

    /** A change of the router's own settings, reported with the batch after {@code change.at()}. */
    void settingChanged(ConfigEvent change) {
        seen.add(change);
    }

    /** Schedules an activity, first happening at a random time within {@code typicalGap} of the start. */
    void every(SplittableRandom seed, long typicalGap, Activity.Step step) {
        activities.add(new Activity(start + seed.nextLong(typicalGap), step));
    }

    /** Schedules an activity first happening at {@code first}. */
    void at(long first, Activity.Step step) {
        activities.add(new Activity(first, step));
    }

    /** The batch the router posts at {@code sentAt}: everything seen before then, or null when nothing was. */
    RouterBatch postAt(long sentAt) {
        while (!activities.isEmpty() && activities.peek().next < sentAt) {
            Activity activity = activities.poll();
            if (activity.fire(random) != Activity.NEVER) {
                activities.add(activity);
            }
        }
        if (seen.isEmpty() || timeOf(seen.peek()) >= sentAt) {
            return null;
        }
        List<TelemetryEvent> events = new ArrayList<>();
        while (!seen.isEmpty() && timeOf(seen.peek()) < sentAt) {
            events.add(seen.poll());
        }
        return new RouterBatch(routerId, ++sequence, Instant.ofEpochMilli(sentAt), events);
    }

    private String mac(DeviceKind kind) {
        String prefix = kind.oui() != null ? kind.oui()
                : String.format(Locale.ROOT, "%02X:%02X:%02X", random.nextInt(64) << 2 | 0x02, random.nextInt(256),
                        random.nextInt(256));
        return prefix + String.format(Locale.ROOT, ":%02X:%02X:%02X", random.nextInt(256), random.nextInt(256),
                random.nextInt(256));
    }

    private static long timeOf(TelemetryEvent event) {
        if (event instanceof FlowEvent flow) {
            return flow.start().toEpochMilli();
        }
        if (event instanceof ConfigEvent change) {
            return change.at().toEpochMilli();
        }
        return ((DnsEvent) event).at().toEpochMilli();
    }
}
