package io.homeshield.telemetry.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.wire.TelemetryBatch;

/** A checked batch as a Kafka record value: the routers' own JSON format, without absent fields. */
@ApplicationScoped
class TelemetryRecords {

    /** The channel a batch came in on; records without it came from the router's own telemetry. */
    static final String SOURCE_HEADER = "homeshield-source";

    private final ObjectWriter writer;
    private final ObjectReader reader;

    TelemetryRecords(ObjectMapper json) {
        ObjectMapper compact = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.writer = compact.writerFor(TelemetryBatch.class);
        this.reader = json.readerFor(TelemetryBatch.class);
    }

    byte[] write(TelemetryBatch batch) {
        try {
            return writer.writeValueAsBytes(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TelemetryBatch read(byte[] value) throws IOException {
        return reader.readValue(value);
    }

    static EvidenceSource sourceOf(Headers headers) {
        Header source = headers.lastHeader(SOURCE_HEADER);
        if (source == null) {
            return EvidenceSource.ROUTER;
        }
        try {
            return EvidenceSource.valueOf(new String(source.value(), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            // a channel this version does not know is weighed as the least trusted one
            return EvidenceSource.FLOW_EXPORT;
        }
    }

    static byte[] sourceValue(EvidenceSource source) {
        return source.name().getBytes(StandardCharsets.US_ASCII);
    }
}
