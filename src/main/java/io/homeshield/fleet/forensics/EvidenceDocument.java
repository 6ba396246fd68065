package io.homeshield.fleet.forensics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.enforcement.EvidenceBundle;

/**
 * The stored form of a snapshot: a JSON document (the router, when, its parameters, its files and
 * what it could not give), gzip-compressed. It is also the file analysts download.
 */
public record EvidenceDocument(String router, String model, String firmware, String channel, Instant collectedAt,
        Map<String, String> parameters, Map<String, String> files, List<String> notCollected) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static EvidenceDocument of(String router, String model, String firmware, String channel, Instant collectedAt,
            EvidenceBundle bundle) {
        return new EvidenceDocument(router, model, firmware, channel, collectedAt, bundle.parameters(), bundle.files(),
                bundle.notCollected());
    }

    byte[] compressed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            JSON.writeValue(gzip, this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static EvidenceDocument read(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            EvidenceDocument document = JSON.readValue(in, EvidenceDocument.class);
            return new EvidenceDocument(document.router, document.model, document.firmware, document.channel,
                    document.collectedAt, document.parameters == null ? Map.of()
                            : new LinkedHashMap<>(document.parameters),
                    document.files == null ? Map.of() : document.files,
                    document.notCollected == null ? List.of() : document.notCollected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
