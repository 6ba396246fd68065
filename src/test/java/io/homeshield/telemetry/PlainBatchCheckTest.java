package io.homeshield.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import io.homeshield.wire.ConfigEvent;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;

/** The hand-written check never passes a batch the bean validation constraints refuse. */
class PlainBatchCheckTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");
    private static final String[] MACS = { "AA:BB:CC:00:11:22", "aa-bb-cc-00-11-22", "AABBCC001122",
            "AA:BB-CC:00:11:22", "AA:BB:CC:00:11", "AA:BB:CC:00:11:2G", "AA.BB.CC.00.11.22", "", " AA:BB:CC:00:11:22",
            "AABBCC00112" };
    private static final String[] IPS = { "192.168.1.23", "0.0.0.0", "255.255.255.255", "256.1.1.1", "01.2.3.4",
            "1.2.3", "1.2.3.4.5", "1..2.3", "2001:db8::1", "::1", "1.2.3.4 ", "example.com", "", "1.2.3.04",
            "::ffff:1.2.3.4", "fe80::1%eth0", "1234" };
    private static final String[] NAMES = { "example.com", "EXAMPLE.com.", "_dmarc.example.com", "a-b.c", "-ab.c",
            "ab-.c", "a..b", ".", "", "xn--bcher-kva.example", "bücher.example", "a b.c", "a.b..", " example.com",
            "x".repeat(63) + ".com", "x".repeat(64) + ".com", ("abcdefghi." ).repeat(25) + "com", "a_b.c", "a.b/c",
            "\u0000.com" };
    private static final String[] PROTOCOLS = { "tcp", "udp", "icmp", "TCP", "sctp", null };
    private static final String[] DIRECTIONS = { null, null, "outbound", "inbound", "inbound", "Inbound", "" };
    private static final Long[] LONGS = { 0L, 1L, -1L, 4_294_967_295L, 4_294_967_296L, null };
    private static final Integer[] PORTS = { 0, 23, 65_535, 65_536, -1, null };
    private static final String[] TEXTS = { null, "", " ", "\u0000", "\u2003", "user", "acs", "controller", "unknown",
            "x".repeat(16), "x".repeat(17), "x".repeat(255), "x".repeat(256), "x".repeat(257), "x".repeat(1025) };

    @Test
    void neverPassesWhatTheConstraintsRefuse() {
        SplittableRandom random = new SplittableRandom(7);
        int passed = 0;
        for (int i = 0; i < 20_000; i++) {
            TelemetryBatch batch = new TelemetryBatch(UUID.randomUUID(), pick(random, LONGS), AT,
                    List.of(anyEvent(random)));
            boolean valid = VALIDATOR.validate(batch).isEmpty();
            if (PlainBatchCheck.certainlyValid(batch)) {
                passed++;
                assertTrue(valid, () -> "passed by hand but refused by the constraints: " + batch);
            }
        }
        assertTrue(passed > 1_000, "the check should pass the valid ones: " + passed);
    }

    @Test
    void passesOrdinaryBatches() {
        List<TelemetryEvent> events = new ArrayList<>();
        events.add(new HostEvent("AA:BB:CC:00:11:22", "192.168.1.23", "living-room-cam", true, null));
        events.add(new FlowEvent("AA:BB:CC:00:11:22", "tcp", "203.0.113.7", 443, 10, 20, 1, 1, AT, 5L, null));
        events.add(FlowEvent.inbound("AA:BB:CC:00:11:22", "tcp", "198.51.100.23", 51234, "192.168.1.23", 2222, 3_000,
                2_500, 12, 14, AT, 4_000L));
        events.add(new DnsEvent("AA:BB:CC:00:11:22", "cdn.example.com", "A", "NOERROR", List.of("93.184.216.34"), AT));
        events.add(new ConfigEvent("Device.DNS.Client.Server.1.DNSServer", "192.0.2.53", "198.51.100.66",
                "unknown", AT));
        assertTrue(PlainBatchCheck.certainlyValid(new TelemetryBatch(UUID.randomUUID(), 1L, AT, events)));
        assertFalse(PlainBatchCheck.certainlyValid(new TelemetryBatch(UUID.randomUUID(), 1L, AT,
                Collections.singletonList(null))));
        assertFalse(PlainBatchCheck.certainlyValid(new TelemetryBatch(UUID.randomUUID(), -1L, AT, events)));
    }

    private static TelemetryEvent anyEvent(SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0:
                String direction = direction(random);
                // the remote side mostly where it belongs, sometimes missing or where it does not
                boolean remoteSide = "inbound".equals(direction) ? random.nextInt(4) != 0 : random.nextInt(16) == 0;
                return new FlowEvent(pick(random, MACS), pick(random, PROTOCOLS), pick(random, IPS),
                        pick(random, PORTS), nonNull(pick(random, LONGS)), nonNull(pick(random, LONGS)), 1, 1,
                        random.nextInt(8) == 0 ? null : AT, pick(random, LONGS), pick(random, LONGS), direction,
                        remoteSide ? pick(random, IPS) : null,
                        remoteSide || random.nextInt(16) == 0 ? pick(random, PORTS) : null);
            case 1:
                return new DnsEvent(pick(random, MACS), pick(random, NAMES), pick(random, TEXTS), pick(random, TEXTS),
                        random.nextBoolean() ? null : Arrays.asList(pick(random, TEXTS), pick(random, IPS)), AT);
            case 2:
                return new HostEvent(pick(random, MACS), pick(random, IPS), pick(random, TEXTS),
                        random.nextInt(6) == 0 ? null : Boolean.TRUE, null);
            default:
                return new ConfigEvent(pick(random, TEXTS), pick(random, TEXTS), pick(random, TEXTS),
                        pick(random, TEXTS), AT);
        }
    }

    /** Mostly no direction, as most routers send, so that plenty of flows are valid; else any, valid or not. */
    private static String direction(SplittableRandom random) {
        return random.nextInt(6) == 0 ? pick(random, DIRECTIONS) : null;
    }

    private static long nonNull(Long value) {
        return value == null ? 0 : value;
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
