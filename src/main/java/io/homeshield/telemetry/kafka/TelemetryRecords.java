package io.homeshield.telemetry.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.homeshield.telemetry.wire.TelemetryBatch;

/** A checked batch as a Kafka record value: the routers' own JSON format, without absent fields. */
@ApplicationScoped
class TelemetryRecords {

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
}
