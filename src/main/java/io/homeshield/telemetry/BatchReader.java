package io.homeshield.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;

/**
 * Reads a batch from its bytes: one JSON document, or NDJSON (a header line with routerId,
 * sequence and sentAt, then one event per line), within the configured size.
 */
@ApplicationScoped
public class BatchReader {

    public static final String NDJSON = "application/x-ndjson";

    private final ObjectReader batchReader;
    private final ObjectReader headerReader;
    private final ObjectReader eventReader;
    private final StreamingBatchReader streaming;
    private final TelemetryConfig config;

    BatchReader(ObjectMapper json, TelemetryConfig config) {
        this.streaming = new StreamingBatchReader(json.getFactory());
        this.batchReader = json.readerFor(TelemetryBatch.class);
        this.headerReader = json.readerFor(TelemetryBatch.class);
        this.eventReader = json.readerFor(TelemetryEvent.class);
        this.config = config;
    }

    /**
     * Reads a batch from a stream, never more than the size limit: a declared length beyond it is
     * refused before reading, and a body that turns out longer (chunked, or gzip that inflates) is
     * refused as soon as it passes the limit.
     */
    public TelemetryBatch read(InputStream body, Long declaredLength, boolean ndjson) throws IOException {
        if (declaredLength != null && declaredLength > config.maxBatchBytes()) {
            throw tooLarge(declaredLength);
        }
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(config.maxBatchBytes() + 1);
        if (bytes.length > config.maxBatchBytes()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The batch has more than "
                    + config.maxBatchBytes() + " bytes; at most " + config.maxBatchBytes()
                    + " are accepted. Split it into smaller batches.");
        }
        return read(bytes, ndjson);
    }

    private ProblemException tooLarge(long bytes) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The batch has " + bytes
                + " bytes; at most " + config.maxBatchBytes() + " are accepted. Split it into smaller batches.");
    }

    public TelemetryBatch read(byte[] body, boolean ndjson) throws IOException {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is empty; expected a telemetry batch.");
        }
        if (body.length > config.maxBatchBytes()) {
            throw tooLarge(body.length);
        }
        TelemetryBatch batch = ndjson ? streaming.lines(body) : streaming.document(body);
        if (batch == null) {
            batch = ndjson ? readLines(body) : batchReader.readValue(body);
        }
        if (batch == null) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is null; expected a telemetry batch.");
        }
        return batch;
    }

    private TelemetryBatch readLines(byte[] body) throws IOException {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        TelemetryBatch header = headerReader.readValue(lines[0]);
        List<TelemetryEvent> events = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                events.add(eventReader.readValue(lines[i]));
            } catch (JsonMappingException e) {
                e.prependPath(new JsonMappingException.Reference(null, events.size()));
                e.prependPath(new JsonMappingException.Reference(header, "events"));
                throw e;
            }
        }
        if (header.events() != null && !header.events().isEmpty()) {
            throw ProblemException.invalid("events", "NDJSON carries events one per line after the header, not in it");
        }
        return new TelemetryBatch(header.routerId(), header.sequence(), header.sentAt(), events);
    }
}
