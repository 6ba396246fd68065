package io.homeshield.intel.rpz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeshield.testsupport.Lanes;

/** Debian's unbound loads the zone as HomeShield writes it, at 100,000 names and with a walled garden. */
@Tag(Lanes.UNBOUND)
class LargeZoneUnboundTest {

    @TempDir
    Path dir;

    @Test
    void unboundAcceptsAZoneOf100000NamesAndAnswersNxdomainForThem() throws Exception {
        List<String> names = ZoneNames.generated(100_000);
        ZoneText text = new ZoneText(new ZonePolicy("homeshield.rpz", null, List.of(), 300, 300));
        ZoneText.Records records = text.records(names);
        assertEquals(100_000, records.names());
        Path zone = dir.resolve("homeshield.rpz.zone");
        Files.write(zone, text.zoneFile(42, records));
        try (Unbound unbound = Unbound.start(dir, "homeshield.rpz", null, zone)) {
            for (String name : List.of(names.get(0), names.get(50_000), names.get(99_999), "sub."
                    + names.get(12_345))) {
                assertEquals(DnsQuery.NXDOMAIN, DnsQuery.a(unbound.port, name).rcode(), name + "\n" + unbound.log());
            }
            DnsQuery.Answer local = DnsQuery.a(unbound.port, Unbound.LOCAL_NAME);
            assertEquals(List.of(Unbound.LOCAL_ADDRESS), local.addresses());
        }
    }

    @Test
    void withAWalledGardenBlockedNamesAnswerItsAddress() throws Exception {
        ZoneText text = new ZoneText(
                new ZonePolicy("homeshield.rpz", InetAddress.getByName("198.51.100.10"), List.of(), 300, 300));
        Path zone = dir.resolve("homeshield.rpz.zone");
        Files.write(zone, text.zoneFile(1, text.records(List.of("c2.walled-test.example"))));
        try (Unbound unbound = Unbound.start(dir, "homeshield.rpz", null, zone)) {
            DnsQuery.Answer answer = DnsQuery.a(unbound.port, "beacon.c2.walled-test.example");
            assertEquals(DnsQuery.NOERROR, answer.rcode(), unbound.log());
            assertEquals(List.of("198.51.100.10"), answer.addresses());
        }
    }
}
