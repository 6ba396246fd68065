package io.homeshield.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Batches about one device and one hour: its host entry and a minute-long flow starting at the hour. */
public final class DeviceHourBatches {

    private DeviceHourBatches() {
    }

    public static Map<String, Object> of(UUID routerId, long sequence, String mac, Instant hour, long bytesOut) {
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("type", "flow");
        flow.put("mac", mac);
        flow.put("protocol", "tcp");
        flow.put("dstIp", "203.0.113.80");
        flow.put("dstPort", 443);
        flow.put("bytesOut", bytesOut);
        flow.put("bytesIn", 900);
        flow.put("packetsOut", 10);
        flow.put("packetsIn", 8);
        flow.put("start", hour.toString());
        flow.put("durationMs", 60_000);
        return Batches.of(routerId, sequence).host(mac, "192.168.1.30", "tablet", true).raw(flow).build();
    }
}
