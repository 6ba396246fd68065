package io.homeshield.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class FlowEventJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void theSynSequenceNumberIsOptional() throws Exception {
        String without = """
                {"type":"flow","mac":"44:19:B6:4F:2A:01","protocol":"tcp","dstIp":"203.0.113.7","dstPort":23,
                 "bytesOut":60,"bytesIn":0,"packetsOut":1,"packetsIn":0,"start":"2026-11-22T10:00:00Z",
                 "durationMs":0}""";
        FlowEvent plain = (FlowEvent) json.readValue(without, TelemetryEvent.class);
        assertNull(plain.tcpSeq());
        FlowEvent mirai = (FlowEvent) json.readValue(
                without.replace("\"durationMs\":0", "\"durationMs\":0,\"tcpSeq\":3405803783"), TelemetryEvent.class);
        assertEquals(3405803783L, mirai.tcpSeq());
        assertEquals(plain, new FlowEvent(plain.mac(), "tcp", "203.0.113.7", 23, 60, 0, 1, 0, plain.start(), 0L));
    }
}
