package io.homeshield.intel.rpz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.vertx.core.http.HttpServerRequest;

/**
 * The zone for resolvers that fetch it by URL: {@code GET /rpz/<token>/<zone name>}. The token is
 * a resolver's own secret (Unbound's {@code url:} cannot send credentials); an unknown token or
 * file name answers 404, the same for both. {@code If-None-Match} with the current ETag answers
 * 304. Each fetch is recorded under the resolver's id.
 */
@Path("/rpz")
public class RpzResource {

    public static final String ZONE_TYPE = "text/dns";

    private final ResponsePolicyZone zone;
    private final RpzFetches fetches;
    private final RpzConfig config;

    RpzResource(ResponsePolicyZone zone, RpzFetches fetches, RpzConfig config) {
        this.zone = zone;
        this.fetches = fetches;
        this.config = config;
    }

    @GET
    @Path("{token}/{file}")
    public Response fetch(@RestPath String token, @RestPath String file,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context HttpServerRequest request) {
        String resolver = resolver(token).orElseThrow(NotFoundException::new);
        if (!zone.zoneName().equals(file)) {
            throw new NotFoundException();
        }
        RpzZone current = zone.current();
        String source = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (matches(ifNoneMatch, current.etag())) {
            fetches.record(resolver, source, current.serial(), 304);
            return Response.notModified().tag(unquoted(current.etag())).build();
        }
        fetches.record(resolver, source, current.serial(), 200);
        return Response.ok(current.text(), ZONE_TYPE).tag(unquoted(current.etag()))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    private Optional<String> resolver(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map.Entry<String, RpzConfig.Resolver> entry : config.resolvers().entrySet()) {
            byte[] expected = entry.getValue().token().getBytes(StandardCharsets.UTF_8);
            if (expected.length >= 24 && MessageDigest.isEqual(expected, given)) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static String unquoted(String etag) {
        return etag.substring(1, etag.length() - 1);
    }
}
