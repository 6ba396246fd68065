package io.homeshield.telemetry.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.EvidenceSource;

/** The channel a batch came in on travels with its record, so the consumer weighs it as the receiver did. */
class TelemetrySourceHeaderTest {

    @Test
    void theChannelSurvivesTheStream() {
        for (EvidenceSource source : EvidenceSource.values()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(TelemetryRecords.SOURCE_HEADER, TelemetryRecords.sourceValue(source));
            assertEquals(source, TelemetryRecords.sourceOf(headers));
        }
    }

    @Test
    void aRecordWithoutTheHeaderCameFromTheRoutersOwnTelemetry() {
        assertEquals(EvidenceSource.ROUTER, TelemetryRecords.sourceOf(new RecordHeaders()));
    }

    @Test
    void anUnknownChannelIsWeighedAsTheLeastTrustedOne() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TelemetryRecords.SOURCE_HEADER, "CARRIER_PIGEON".getBytes(StandardCharsets.US_ASCII));
        assertEquals(EvidenceSource.FLOW_EXPORT, TelemetryRecords.sourceOf(headers));
    }
}
