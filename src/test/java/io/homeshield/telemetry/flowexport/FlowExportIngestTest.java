package io.homeshield.telemetry.flowexport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.inventory.Device;
import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A router that exports flow records: Debian's softflowd replays a capture of a scanning camera. */
@QuarkusTest
class FlowExportIngestTest {

    private static final IpAddress LOOPBACK = IpAddress.of("127.0.0.1");
    private static final int TARGETS = 30;

    @Inject
    FlowCollector collector;

    @Inject
    FlowExporters exporters;

    @Inject
    FlowExportMetrics metrics;

    @Test
    void aScanExportedAsIpfixRaisesTheScanningAlert() throws Exception {
        scanExportedAs(10, "flowexport-ipfix");
    }

    @Test
    void aScanExportedAsNetflowV9RaisesTheScanningAlert() throws Exception {
        scanExportedAs(9, "flowexport-v9");
    }

    private void scanExportedAs(int version, String subject) throws Exception {
        assertTrue(Softflowd.installed(), "Debian's softflowd is needed (.ci/run installs it)");
        TestHousehold home = Fixtures.household(subject);
        MacAddress camera = Fixtures.randomMac();
        IpAddress cameraIp = IpAddress.of("192.168.1.66");
        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(Batches.of(home.routerId(), 1).host(camera.value(), cameraIp.value(), "IPCAM-4F2A", true).build())
                .when().post("/ingest/v1/batches").then().statusCode(202);
        exporters.register(home.routerId(), LOOPBACK);

        Instant start = Instant.now().minusSeconds(TARGETS + 5);
        ScanCapture capture = new ScanCapture();
        for (int i = 0; i < TARGETS; i++) {
            capture.syn(start.plusSeconds(i), camera, cameraIp, IpAddress.of("45." + (10 + i) + ".20." + (30 + i)),
                    40_000 + i, 23);
        }
        double mappedBefore = metrics.count("homeshield.flowexport.flows", "mapped");
        Path work = Files.createTempDirectory("softflowd");
        try {
            Softflowd.export(capture.writeTo(work.resolve("scan.pcap")), capture.packets(), version, collector.port(),
                    work);
        } finally {
            try (var files = Files.list(work)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.delete(work);
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !alerts(home).isEmpty());
        List<Alert> alerts = alerts(home);
        assertEquals(1, alerts.size());
        Alert alert = alerts.get(0);
        assertEquals("SCANNING", alert.type);
        assertEquals("scan:telnet", alert.dedupKey);
        assertEquals(deviceId(home, camera), alert.deviceId);
        assertTrue(alert.evidence.contains("\"distinctTargets\":"), alert.evidence);
        assertTrue(alert.evidence.contains("45.10.20.30"), alert.evidence);
        // the alert starts when the scan started (flow times come from the exporter), not when it arrived
        assertTrue(Duration.between(start, alert.firstSeen).abs().toSeconds() <= 2, alert.firstSeen + " vs " + start);
        assertEquals(TARGETS, metrics.count("homeshield.flowexport.flows", "mapped") - mappedBefore);
    }

    @Test
    void datagramsFromAnUnknownExporterAreCountedAndIgnored() throws Exception {
        double before = metrics.count("homeshield.flowexport.datagrams", "unknown-exporter");
        send(InetAddress.getByName("127.0.0.2"), new byte[] { 0, 10, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> metrics.count("homeshield.flowexport.datagrams", "unknown-exporter") == before + 1);
    }

    @Test
    void aMalformedDatagramIsCountedAndTheCollectorCarriesOn() throws Exception {
        TestHousehold home = Fixtures.household("flowexport-malformed");
        exporters.register(home.routerId(), IpAddress.of("127.0.0.3"));
        double before = metrics.count("homeshield.flowexport.datagrams", "malformed");
        send(InetAddress.getByName("127.0.0.3"), new byte[] { 0, 10, 0, 99, 1, 2, 3 });
        send(InetAddress.getByName("127.0.0.3"), new byte[] { 0, 5, 0, 1 });
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> metrics.count("homeshield.flowexport.datagrams", "malformed") == before + 2);
    }

    @Test
    void theCountersAreInTheMetrics() {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(body.contains("homeshield_flowexport_pending_flows"), "pending flows gauge");
    }

    private void send(InetAddress from, byte[] payload) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(from, 0))) {
            socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(),
                    collector.port()));
        }
    }

    private static List<Alert> alerts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("routerId", home.routerId()));
    }

    private static java.util.UUID deviceId(TestHousehold home, MacAddress mac) {
        return QuarkusTransaction.requiringNew().call(() -> Device.<Device>find("routerId = ?1 and mac = ?2",
                home.routerId(), mac.value()).singleResult().id);
    }
}
