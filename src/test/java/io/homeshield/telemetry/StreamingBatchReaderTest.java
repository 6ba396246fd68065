package io.homeshield.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.homeshield.testsupport.Batches;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;

/** The streaming reader reads exactly what data binding reads, or leaves the body to it. */
class StreamingBatchReaderTest {

    /** Configured as the application's mapper: unknown fields ignored, java.time read. */
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final StreamingBatchReader reader = new StreamingBatchReader(json.getFactory());

    private static final UUID ROUTER = UUID.fromString("6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f");
    /** A valid batch up to its events, for the cases that differ only in them. */
    private static final String BEFORE_EVENTS = "{\"routerId\":\"6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f\",\"sequence\":1,"
            + "\"sentAt\":\"2026-11-22T10:15:30Z\",\"events\":";

    @Test
    void readsEveryKindOfEventAsDataBindingDoes() throws Exception {
        Map<String, Object> batch = Batches.of(ROUTER, 42)
                .host("3C:84:6A:12:34:56", "192.168.1.23", "living-room-cam", true)
                .dns("3c-84-6a-12-34-56", "cdn.example.com", "93.184.216.34", "2606:2800:220:1::")
                .flow("3C:84:6A:12:34:56", "203.0.113.7", 23)
                .config("Device.DNS.Client.Server.1.DNSServer", "192.0.2.53", null)
                .raw(Map.of("type", "flow", "mac", "3C:84:6A:12:34:56", "protocol", "tcp", "dstIp", "203.0.113.8",
                        "bytesOut", 60, "start", "2026-11-22T10:00:00.25Z", "tcpSeq", 3405803783L, "extra", List.of(1)))
                .raw(Map.of("type", "flow", "mac", "3C:84:6A:12:34:56", "protocol", "tcp", "direction", "inbound",
                        "srcIp", "198.51.100.23", "srcPort", 51234, "dstIp", "192.168.1.23", "dstPort", 2222,
                        "bytesIn", 2_500, "start", "2026-11-22T10:00:00Z"))
                .raw(Map.of("mac", "3C:84:6A:12:34:56", "type", "host", "active", false, "at", "2026-11-22T10:00:00Z",
                        "start", "2026-11-22T09:00:00Z"))
                .raw(Map.of("type", "dns", "mac", "3C:84:6A:12:34:56", "query", "x.example", "rcode", "NXDOMAIN"))
                .build();
        byte[] body = json.writeValueAsBytes(batch);
        TelemetryBatch expected = json.readValue(body, TelemetryBatch.class);
        assertEquals(expected, reader.document(body));
        assertEquals(8, reader.document(body).events().size());
    }

    @Test
    void readsNdjsonAsLines() throws Exception {
        String body = "{\"routerId\":\"" + ROUTER + "\",\"sequence\":7,\"sentAt\":\"2026-11-22T10:15:30Z\"}\r\n"
                + "{\"type\":\"host\",\"mac\":\"3C:84:6A:12:34:56\",\"ip\":\"192.168.1.23\",\"active\":true}\n"
                + "  \n"
                + "{\"type\":\"dns\",\"mac\":\"3C:84:6A:12:34:56\",\"query\":\"example.com\",\"answers\":[]}\n";
        TelemetryBatch batch = reader.lines(body.getBytes(StandardCharsets.UTF_8));
        assertNotNull(batch);
        assertEquals(ROUTER, batch.routerId());
        assertEquals(List.of(json.readValue(body.split("\n")[1], TelemetryEvent.class),
                json.readValue(body.split("\n")[3], TelemetryEvent.class)), batch.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"routerId\":\"6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f\",\"sequence\":\"1\","
                    + "\"sentAt\":\"2026-11-22T10:15:30Z\",\"events\":[]}",
            "{\"routerId\":\"6f1c2a7e3d4b4c5a9e8f0a1b2c3d4e5f\",\"sequence\":1,"
                    + "\"sentAt\":\"2026-11-22T10:15:30Z\",\"events\":[]}",
            "{\"routerId\":\"6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f\",\"sequence\":1,"
                    + "\"sentAt\":\"2026-11-22T11:15:30+01:00\",\"events\":[]}",
            "{\"routerId\":\"6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f\",\"sequence\":1,"
                    + "\"sentAt\":1700000000,\"events\":[]}",
            BEFORE_EVENTS + "[null]}",
            BEFORE_EVENTS + "[{\"type\":\"ssh\"}]}",
            BEFORE_EVENTS + "[{\"mac\":\"3C:84:6A:12:34:56\"}]}",
            BEFORE_EVENTS + "[{\"type\":\"flow\",\"dstPort\":99999999999}]}",
            BEFORE_EVENTS + "[{\"type\":\"flow\",\"bytesOut\":null}]}",
            BEFORE_EVENTS + "[{\"type\":\"host\",\"active\":\"yes\"}]}",
            BEFORE_EVENTS + "[{\"type\":\"host\",\"type\":\"flow\"}]}",
            BEFORE_EVENTS + "[{\"type\":\"dns\",\"answers\":[null]}]}",
            BEFORE_EVENTS + "{}}",
            BEFORE_EVENTS + "[{\"type\":\"flow\",\"srcPort\":\"22\"}]}",
            BEFORE_EVENTS + "[{\"type\":\"flow\",\"direction\":true}]}",
            BEFORE_EVENTS + "[{\"type\":\"dns\",",
            "[]", "null", "" })
    void leavesEverythingElseToDataBinding(String body) {
        assertNull(reader.document(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leavesNdjsonWithEventsInTheHeaderToDataBinding() {
        String body = "{\"routerId\":\"" + ROUTER + "\",\"sequence\":7,\"sentAt\":\"2026-11-22T10:15:30Z\","
                + "\"events\":[]}\n";
        assertNull(reader.lines(body.getBytes(StandardCharsets.UTF_8)));
    }
}
