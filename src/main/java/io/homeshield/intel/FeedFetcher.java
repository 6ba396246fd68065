package io.homeshield.intel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a feed's bytes from the classpath, a file or an HTTP(S) URL. HTTP requests carry timeouts
 * and the previous answer's {@code ETag} and {@code Last-Modified}, so an unchanged feed costs a
 * {@code 304}; a feed larger than the limit is refused rather than read into memory.
 */
final class FeedFetcher {

    static final String CLASSPATH = "classpath:";

    /** A feed's content; {@code body} is null when the server said it has not changed. */
    record Fetched(byte[] body, String etag, String lastModified) {

        static final Fetched NOTHING_YET = new Fetched(null, null, null);

        boolean notModified() {
            return body == null;
        }
    }

    private final Duration timeout;
    private final long maxBytes;
    private volatile HttpClient http;

    FeedFetcher(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    Fetched fetch(String source, Fetched previous) throws IOException {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            return fetchHttp(URI.create(source), previous);
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

    private Fetched fetchHttp(URI uri, Fetched previous) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "*/*");
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        HttpResponse<InputStream> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + uri);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return new Fetched(null, previous.etag(), previous.lastModified());
            }
            if (response.statusCode() != 200) {
                throw new IOException("the server answered HTTP " + response.statusCode());
            }
            return new Fetched(readLimited(body), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 9, maxBytes) + 1);
        if (bytes.length > maxBytes) {
            throw new IOException("the feed is larger than the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }

    private HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            http = client;
        }
        return client;
    }
}
