package io.homeshield.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.homeshield.net.MacAddress;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;

class SimulatorScenarioTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final UUID ROUTER = UUID.fromString("6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f");
    private static final String CAMERA = DemoCatalogue.MEYER_CAMERA.value();
    private static final String CONTROLLER = "uraniumc2.ddns.net";

    private static DemoHousehold meyer() {
        return DemoCatalogue.households().stream().filter(h -> h.accountNumber().equals(DemoCatalogue.MEYER))
                .findFirst().orElseThrow();
    }

    private static ScenarioGenerator generator(long seed, ScenarioGenerator.CutOff cutOff) {
        ScenarioGenerator generator = new ScenarioGenerator(new Random(seed), Clock.fixed(NOW, ZoneOffset.UTC),
                INTERVAL, cutOff);
        generator.add(ROUTER, meyer().devices(), 1);
        return generator;
    }

    private static ScenarioGenerator generator() {
        return generator(7, (router, mac) -> false);
    }

    private static List<TelemetryBatch> rounds(ScenarioGenerator generator, int n) {
        List<TelemetryBatch> batches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batches.add(generator.next(ROUTER));
        }
        return batches;
    }

    private static <T extends TelemetryEvent> List<T> events(TelemetryBatch batch, Class<T> type) {
        return batch.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aNameTheRouterBlocksIsAnsweredNoSuchDomainAndNotConnectedTo() {
        ScenarioGenerator generator = new ScenarioGenerator(new Random(7), Clock.fixed(NOW, ZoneOffset.UTC), INTERVAL,
                (router, mac) -> false, (router, mac, name) -> mac.value().equals(CAMERA)
                        && name.value().equals(CONTROLLER));
        generator.add(ROUTER, meyer().devices(), 1);

        List<TelemetryBatch> batches = rounds(generator, 10);
        for (TelemetryBatch batch : batches) {
            List<DnsEvent> lookups = events(batch, DnsEvent.class).stream()
                    .filter(d -> d.mac().equals(CAMERA) && d.query().equals(CONTROLLER)).toList();
            assertEquals(1, lookups.size(), "the camera still asks in batch " + batch.sequence());
            assertEquals("NXDOMAIN", lookups.get(0).rcode());
            assertEquals(List.of(), lookups.get(0).answers());
        }
        assertTrue(batches.stream().flatMap(b -> events(b, DnsEvent.class).stream()).anyMatch(d
                -> d.mac().equals(CAMERA)
                && !d.query().equals(CONTROLLER) && "NOERROR".equals(d.rcode())), "other names still resolve");
    }

    @Test
    void theMeyersCameraLooksUpTheListedDomainAndConnectsToItsAddressInEveryBatch() {
        for (TelemetryBatch batch : rounds(generator(), 30)) {
            List<DnsEvent> lookups = events(batch, DnsEvent.class).stream()
                    .filter(d -> d.mac().equals(CAMERA) && d.query().equals(CONTROLLER)).toList();
            assertEquals(1, lookups.size(), "one lookup of the controller in batch " + batch.sequence());
            String address = lookups.get(0).answers().get(0);
            assertEquals("NOERROR", lookups.get(0).rcode());
            assertTrue(events(batch, FlowEvent.class).stream()
                    .anyMatch(f -> f.mac().equals(CAMERA) && f.dstIp().equals(address) && f.bytesOut() > 0),
                    "the camera connects to " + address);
        }
    }

    @Test
    void noOtherDeviceEverLooksUpOrConnectsToTheController() {
        String controllerIp = DemoCatalogue.BOTNET_CONTROLLER.ip();
        for (TelemetryBatch batch : rounds(generator(), 100)) {
            assertTrue(events(batch, DnsEvent.class).stream()
                    .noneMatch(d -> !d.mac().equals(CAMERA) && d.query().equals(CONTROLLER)));
            assertTrue(events(batch, FlowEvent.class).stream()
                    .noneMatch(f -> !f.mac().equals(CAMERA) && f.dstIp().equals(controllerIp)));
        }
    }

    @Test
    void aDeviceTheRouterDeniesSendsNothingButItsHostEntry() {
        MacAddress camera = DemoCatalogue.MEYER_CAMERA;
        ScenarioGenerator generator = generator(7, (router, mac) -> router.equals(ROUTER) && mac.equals(camera));

        for (TelemetryBatch batch : rounds(generator, 30)) {
            List<TelemetryEvent> fromCamera = batch.events().stream().filter(e -> macOf(e).equals(CAMERA)).toList();
            assertEquals(1, fromCamera.size(), "only the host entry in batch " + batch.sequence());
            HostEvent host = (HostEvent) fromCamera.get(0);
            assertEquals("IPCAM-4F2A", host.hostname());
            assertTrue(host.active());
            assertFalse(events(batch, FlowEvent.class).isEmpty(), "the other devices carry on");
        }
    }

    @Test
    void sequenceNumbersRiseByOneFromTheFirst() {
        List<Long> sequences = rounds(generator(), 5).stream().map(TelemetryBatch::sequence).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sequences);

        ScenarioGenerator resumed = generator();
        UUID other = UUID.randomUUID();
        resumed.add(other, meyer().devices(), 42);
        assertEquals(42L, resumed.next(other).sequence());
        assertEquals(43L, resumed.next(other).sequence());
        assertEquals(1L, resumed.next(ROUTER).sequence(), "each router counts on its own");
    }

    @Test
    void everyBatchListsEveryDeviceOnceAndPhonesComeAndGo() {
        Set<String> macs = meyer().devices().stream().map(d -> d.mac().value()).collect(Collectors.toSet());
        boolean someoneLeft = false;
        boolean someoneCameBack = false;
        Set<String> away = new HashSet<>();
        for (TelemetryBatch batch : rounds(generator(), 200)) {
            List<HostEvent> hosts = events(batch, HostEvent.class);
            assertEquals(macs, hosts.stream().map(HostEvent::mac).collect(Collectors.toSet()));
            assertEquals(macs.size(), hosts.size());
            for (HostEvent host : hosts) {
                if (!host.active()) {
                    someoneLeft = true;
                    away.add(host.mac());
                    assertTrue(batch.events().stream()
                            .noneMatch(e -> !(e instanceof HostEvent) && macOf(e).equals(host.mac())),
                            "a device away from home sends nothing");
                } else if (away.remove(host.mac())) {
                    someoneCameBack = true;
                }
            }
        }
        assertTrue(someoneLeft && someoneCameBack);
    }

    @Test
    void eventsAreOldestFirstWithinTheIntervalBeforeSending() {
        TelemetryBatch batch = generator().next(ROUTER);
        assertEquals(NOW, batch.sentAt());
        List<Instant> times = batch.events().stream().map(SimulatorScenarioTest::timeOf).toList();
        assertEquals(times.stream().sorted(Comparator.naturalOrder()).toList(), times);
        assertTrue(times.stream().allMatch(t -> !t.isBefore(NOW.minus(INTERVAL)) && !t.isAfter(NOW)));
    }

    @Test
    void flowsCarryPlausibleCountsAndPorts() {
        for (TelemetryBatch batch : rounds(generator(), 50)) {
            for (FlowEvent flow : events(batch, FlowEvent.class)) {
                assertTrue(Set.of("tcp", "udp").contains(flow.protocol()));
                assertTrue(flow.dstPort() > 0 && flow.dstPort() < 65536);
                assertTrue(flow.packetsOut() >= 1 && flow.packetsIn() >= 1);
                assertTrue(flow.bytesOut() / flow.packetsOut() <= 1500 && flow.bytesIn() / flow.packetsIn() <= 1500,
                        "no packet larger than an Ethernet frame: " + flow);
                assertTrue(flow.durationMs() > 0);
            }
        }
    }

    @Test
    void theSameSeedAndClockPlayTheSameScenario() {
        assertEquals(rounds(generator(11, (r, m) -> false), 10), rounds(generator(11, (r, m) -> false), 10));
    }

    @Test
    void theJsonOfABatchReadsBackAsTheSameTelemetryBatch() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        TelemetryBatch batch = generator().next(ROUTER);

        String text = json.writeValueAsString(batch);

        assertTrue(text.contains("\"type\":\"dns\"") && text.contains("\"type\":\"flow\"")
                && text.contains("\"type\":\"host\""), text);
        assertTrue(text.contains("\"sentAt\":\"2026-11-22T10:15:30Z\""), text);
        assertEquals(batch, json.readValue(text, TelemetryBatch.class));
    }

    private static String macOf(TelemetryEvent event) {
        if (event instanceof HostEvent h) {
            return h.mac();
        }
        if (event instanceof DnsEvent d) {
            return d.mac();
        }
        if (event instanceof FlowEvent f) {
            return f.mac();
        }
        return "";
    }

    private static Instant timeOf(TelemetryEvent event) {
        if (event instanceof HostEvent h) {
            return h.at();
        }
        if (event instanceof DnsEvent d) {
            return d.at();
        }
        return ((FlowEvent) event).start();
    }
}
