package io.homeshield.enforcement;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A firmware image the router downloads itself: where from (https), the version it reports once
 * installed, and the image's SHA-256, which routers whose protocol carries a checksum (USP
 * {@code Download()}) check before they install. Images recorded before checksums were asked for
 * have none.
 */
public record FirmwareImage(String url, String version, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public FirmwareImage {
        if (url == null || !url.regionMatches(true, 0, "https://", 0, 8)) {
            throw new IllegalArgumentException("the image address must be an https URL");
        }
        if (version == null || version.isBlank() || version.length() > 100) {
            throw new IllegalArgumentException("name the version the image installs");
        }
        sha256 = sha256 == null || sha256.isBlank() ? null : sha256.strip().toLowerCase(Locale.ROOT);
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("the image's SHA-256 must be 64 hexadecimal digits");
        }
    }

    /** An image without a checksum, as older records and protocols without one (TR-069) carry it. */
    public FirmwareImage(String url, String version) {
        this(url, version, null);
    }

    Map<String, String> asValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("url", url);
        values.put("version", version);
        if (sha256 != null) {
            values.put("sha256", sha256);
        }
        return values;
    }

    static FirmwareImage from(Map<String, String> values) {
        return new FirmwareImage(values.get("url"), values.get("version"), values.get("sha256"));
    }
}
