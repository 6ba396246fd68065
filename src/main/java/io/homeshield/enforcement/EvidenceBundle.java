package io.homeshield.enforcement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a router gave up when asked for evidence: its data model (or configuration) as flat
 * parameters, the files it handed over (logs, configuration files, process lists), and, in plain
 * words, what it could not give. Collecting evidence changes nothing on the router.
 */
public record EvidenceBundle(Map<String, String> parameters, Map<String, String> files, List<String> notCollected) {

    /** One file is cut at this size, and the cut is named among what was not collected. */
    public static final int MAX_FILE_CHARS = 2 * 1024 * 1024;

    public EvidenceBundle {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        notCollected = List.copyOf(notCollected);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Bytes of parameters and files as UTF-8, before compression. */
    public long size() {
        long size = 0;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            size += p.getKey().getBytes(StandardCharsets.UTF_8).length
                    + p.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        for (String text : files.values()) {
            size += text.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> files = new LinkedHashMap<>();
        private final List<String> notCollected = new ArrayList<>();

        public Builder parameter(String path, String value) {
            parameters.put(path, value == null ? "" : value);
            return this;
        }

        public Builder parameters(Map<String, String> values) {
            values.forEach(this::parameter);
            return this;
        }

        /** A file the router handed over; one above {@link #MAX_FILE_CHARS} is kept up to that size. */
        public Builder file(String name, String text) {
            if (text.length() > MAX_FILE_CHARS) {
                files.put(name, text.substring(0, MAX_FILE_CHARS));
                notCollected.add(name + ": only the first " + MAX_FILE_CHARS / (1024 * 1024) + " MiB were kept.");
            } else {
                files.put(name, text);
            }
            return this;
        }

        /** Something the router could not or would not give, in plain words. */
        public Builder notCollected(String why) {
            notCollected.add(why);
            return this;
        }

        public EvidenceBundle build() {
            return new EvidenceBundle(parameters, files, notCollected);
        }
    }
}
