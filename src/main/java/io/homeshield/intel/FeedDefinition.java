package io.homeshield.intel;

import java.time.Duration;
import java.util.Objects;

/**
 * A feed the provider subscribes to: its id in the configuration, the name alerts show, where and
 * in which format it is read, how often it is read again, and how long its indicators stay in
 * force without a successful read ({@code expireAfter}, null for as long as the version is the
 * latest).
 *
 * @param source {@code classpath:path}, a file path ({@code file:} optional), or an http(s) URL
 */
record FeedDefinition(String id, String name, FeedFormat format, String source, Duration refresh, boolean enabled,
        Duration expireAfter, CsvLayout csv) {

    FeedDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format of feed " + id);
        Objects.requireNonNull(source, "source of feed " + id);
        name = name == null || name.isBlank() ? id : name;
        refresh = refresh == null ? Duration.ofHours(6) : refresh;
        csv = csv == null ? CsvLayout.FIRST_COLUMN : csv;
    }

    FeedParser parser() {
        return format.parser(csv);
    }

    boolean remote() {
        return isRemote(source);
    }

    /** Whether the source is a URL (any scheme but {@code file:} and {@code classpath:}), read over the network. */
    static boolean isRemote(String source) {
        int colon = source.indexOf(':');
        return source.contains("://") && !source.startsWith("file:") && colon > 1;
    }
}
