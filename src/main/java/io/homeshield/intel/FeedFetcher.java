package io.homeshield.intel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.homeshield.infra.outbound.OutboundException;
import io.homeshield.infra.outbound.OutboundHttp;
import io.homeshield.infra.outbound.OutboundRefusedException;
import io.homeshield.infra.outbound.OutboundRequest;
import io.homeshield.infra.outbound.OutboundResponse;
import io.homeshield.infra.outbound.OutboundTarget;

/**
 * Reads a feed's bytes from the classpath, a file or an https URL (http only where the provider
 * allows it). Downloads go through the outbound guard (a feed URL, or a redirect, that reaches into
 * the provider's network is refused), have one deadline for the whole download, and carry the
 * previous answer's {@code ETag} and {@code Last-Modified}, so an unchanged feed costs a
 * {@code 304}; a feed larger than the limit is refused rather than read into memory.
 */
final class FeedFetcher {

    static final String CLASSPATH = "classpath:";
    private static final int MAX_REDIRECTS = 5;

    /** A feed's content; {@code body} is null when the server said it has not changed. */
    record Fetched(byte[] body, String etag, String lastModified) {

        static final Fetched NOTHING_YET = new Fetched(null, null, null);

        boolean notModified() {
            return body == null;
        }
    }

    private final OutboundHttp http;
    private final Duration timeout;
    private final long maxBytes;
    private final boolean allowHttp;

    /** @param http how remote feeds are downloaded; null if only local feeds are read */
    FeedFetcher(OutboundHttp http, Duration timeout, long maxBytes, boolean allowHttp) {
        this.http = http;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.allowHttp = allowHttp;
    }

    Fetched fetch(String source, Fetched previous) throws IOException {
        if (FeedDefinition.isRemote(source)) {
            return fetchHttp(source, previous);
        }
        if (source.startsWith(CLASSPATH)) {
            String resource = source.substring(CLASSPATH.length());
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no resource " + resource + " on the classpath");
                }
                return new Fetched(readLimited(in), null, null);
            }
        }
        Path file = Path.of(source.startsWith("file:") ? source.substring("file:".length()) : source);
        try {
            if (Files.size(file) > maxBytes) {
                throw new IOException("the file is larger than the limit of " + maxBytes + " bytes");
            }
            return new Fetched(Files.readAllBytes(file), null, null);
        } catch (NoSuchFileException e) {
            throw new IOException("no file " + file);
        }
    }

    private Fetched fetchHttp(String source, Fetched previous) throws IOException {
        if (http == null) {
            throw new IOException("remote feeds are not read here");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "*/*");
        headers.put("User-Agent", "HomeShield-Feeds/1");
        if (previous.etag() != null) {
            headers.put("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            headers.put("If-Modified-Since", previous.lastModified());
        }
        String url = source;
        for (int redirects = 0; ; redirects++) {
            OutboundResponse response = get(target(url), headers);
            int status = response.status();
            if (status == 304) {
                return new Fetched(null, previous.etag(), previous.lastModified());
            }
            if (status == 200) {
                return new Fetched(response.body(), response.header("ETag").orElse(null),
                        response.header("Last-Modified").orElse(null));
            }
            if (status / 100 != 3 || response.header("Location").isEmpty() || redirects >= MAX_REDIRECTS) {
                throw new IOException("the server answered HTTP " + status);
            }
            url = java.net.URI.create(url).resolve(response.header("Location").get()).toString();
        }
    }

    private OutboundTarget target(String url) throws IOException {
        try {
            return http.checked(url, allowHttp);
        } catch (OutboundRefusedException e) {
            throw new IOException("the address " + url + " is refused: " + e.getMessage()
                    + (url.startsWith("http:") && !allowHttp ? " (homeshield.intel.allow-http permits http)" : ""));
        }
    }

    private OutboundResponse get(OutboundTarget target, Map<String, String> headers) throws IOException {
        try {
            return http.send(new OutboundRequest("GET", target, headers, null, timeout, maxBytes))
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + target.url());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutboundException outbound) {
                throw new IOException(outbound.kind() == OutboundException.Kind.TOO_LARGE
                        ? "the feed is larger than the limit of " + maxBytes + " bytes"
                        : Character.toLowerCase(outbound.getMessage().charAt(0)) + outbound.getMessage().substring(1));
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no complete answer within " + timeout.toSeconds() + " s");
        }
    }

    private byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 9, maxBytes) + 1);
        if (bytes.length > maxBytes) {
            throw new IOException("the feed is larger than the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }
}
