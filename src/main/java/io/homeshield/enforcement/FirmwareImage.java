package io.homeshield.enforcement;

import java.util.LinkedHashMap;
import java.util.Map;

/** A firmware image the router downloads itself: where from, and the version it reports once installed. */
public record FirmwareImage(String url, String version) {

    public FirmwareImage {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("the image address must be an http(s) URL");
        }
        if (version == null || version.isBlank() || version.length() > 100) {
            throw new IllegalArgumentException("name the version the image installs");
        }
    }

    Map<String, String> asValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("url", url);
        values.put("version", version);
        return values;
    }

    static FirmwareImage from(Map<String, String> values) {
        return new FirmwareImage(values.get("url"), values.get("version"));
    }
}
