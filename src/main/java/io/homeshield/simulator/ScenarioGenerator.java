package io.homeshield.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;
import io.homeshield.simulator.TrafficProfile.Visit;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;

/**
 * Plays the demo households' networks forward one interval at a time: each call of {@link #next}
 * is what one router saw since its previous batch. Deterministic for a given random seed and clock.
 */
final class ScenarioGenerator {

    /** Whether a router cuts a device off, as a quarantine makes it do. */
    @FunctionalInterface
    interface CutOff {
        boolean denies(UUID routerId, MacAddress device);
    }

    /** Whether a router keeps a device from resolving a name, as a household's blocked domain makes it do. */
    @FunctionalInterface
    interface Blocks {
        boolean blocks(UUID routerId, MacAddress device, DomainName name);
    }

    // A device that travels with its owner leaves now and then and stays away for a few intervals
    private static final double LEAVES = 0.03;
    private static final double RETURNS = 0.25;
    private static final int MSS = 1_380;

    private final Random random;
    private final Clock clock;
    private final Duration interval;
    private final CutOff cutOff;
    private final Blocks blocks;
    private final Map<UUID, Network> networks = new LinkedHashMap<>();

    ScenarioGenerator(Random random, Clock clock, Duration interval, CutOff cutOff) {
        this(random, clock, interval, cutOff, (router, device, name) -> false);
    }

    ScenarioGenerator(Random random, Clock clock, Duration interval, CutOff cutOff, Blocks blocks) {
        this.random = random;
        this.clock = clock;
        this.interval = interval;
        this.cutOff = cutOff;
        this.blocks = blocks;
    }

    /** Adds a router whose next batch will carry {@code firstSequence}. */
    void add(UUID routerId, List<DemoDevice> devices, long firstSequence) {
        networks.put(routerId, new Network(devices, firstSequence));
    }

    synchronized TelemetryBatch next(UUID routerId) {
        Network network = networks.get(routerId);
        if (network == null) {
            throw new IllegalArgumentException("no simulated network for router " + routerId);
        }
        Instant sentAt = clock.instant();
        Instant from = sentAt.minus(interval);
        List<Timed> events = new ArrayList<>();
        for (int i = 0; i < network.devices.size(); i++) {
            DemoDevice device = network.devices.get(i);
            boolean online = network.move(i, device, random);
            events.add(new Timed(from, new HostEvent(device.mac().value(), device.ip(), device.hostname(), online,
                    from)));
            if (!online || cutOff.denies(routerId, device.mac())) {
                continue;
            }
            for (Destination beacon : device.beacons()) {
                connect(routerId, device, beacon, from, events);
            }
            for (Visit visit : device.profile().visits) {
                if (random.nextDouble() < visit.chance()) {
                    connect(routerId, device, visit.destination(), from, events);
                }
            }
        }
        events.sort(Comparator.comparing(Timed::at));
        return new TelemetryBatch(routerId, network.sequence++, sentAt, events.stream().map(Timed::event).toList());
    }

    /** A name lookup, then a connection to the address it answered; a blocked name is answered "no such domain". */
    private void connect(UUID routerId, DemoDevice device, Destination to, Instant from, List<Timed> events) {
        Instant lookup = from.plusMillis(between(0, Math.max(1, interval.toMillis() - 100)));
        if (blocks.blocks(routerId, device.mac(), to.name())) {
            events.add(new Timed(lookup, new DnsEvent(device.mac().value(), to.name().value(), "A", "NXDOMAIN",
                    List.of(), lookup)));
            return;
        }
        events.add(new Timed(lookup, new DnsEvent(device.mac().value(), to.name().value(), "A", "NOERROR",
                List.of(to.ip()), lookup)));
        Instant start = lookup.plusMillis(between(3, 40));
        Destination.Volume volume = to.volume();
        long bytesOut = between(volume.minOut, volume.maxOut);
        long bytesIn = between(volume.minIn, volume.maxIn);
        long packetsOut = packets(bytesOut);
        long packetsIn = packets(bytesIn);
        if ("tcp".equals(to.protocol())) {
            // the handshake, and roughly one acknowledgement for every two segments received
            long acksOut = 2 + packetsIn / 2;
            long acksIn = 1 + packetsOut / 2;
            packetsOut += acksOut;
            packetsIn += acksIn;
        }
        events.add(new Timed(start, new FlowEvent(device.mac().value(), to.protocol(), to.ip(), to.port(), bytesOut,
                bytesIn, packetsOut, packetsIn, start, between(volume.minMillis, volume.maxMillis))));
    }

    private static long packets(long bytes) {
        return Math.max(1, (bytes + MSS - 1) / MSS);
    }

    private long between(long min, long max) {
        return min >= max ? min : min + (long) (random.nextDouble() * (max - min + 1));
    }

    private record Timed(Instant at, TelemetryEvent event) {
    }

    /** One router's LAN: its devices, who is at home, and the next sequence number. */
    private static final class Network {
        private final List<DemoDevice> devices;
        private final boolean[] away;
        private long sequence;

        Network(List<DemoDevice> devices, long firstSequence) {
            this.devices = List.copyOf(devices);
            this.away = new boolean[devices.size()];
            this.sequence = firstSequence;
        }

        /** Whether device {@code i} is connected during this interval. */
        boolean move(int i, DemoDevice device, Random random) {
            if (device.profile().comesAndGoes) {
                double roll = random.nextDouble();
                away[i] = away[i] ? roll >= RETURNS : roll < LEAVES;
            }
            return !away[i];
        }
    }
}
