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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.vertx.core.http.HttpServerRequest;

/**
 * The zone for resolvers that fetch it by URL: {@code GET /rpz/<token>/<zone name>}. The token is
 * a resolver's own secret (Unbound's {@code url:} cannot send credentials); an unknown token or
 * file name answers 404, the same for both. {@code If-None-Match} with the current ETag answers
 * 304. Each fetch is recorded under the resolver's id.
 */
@Path("/rpz")
@Tag(name = "Resolver zone", description = "The response policy zone the provider's DNS resolvers fetch")
public class RpzResource {

    public static final String ZONE_TYPE = "text/dns";

    private static final String ZONE_EXAMPLE = """
            $ORIGIN homeshield.rpz.
            $TTL 300
            @ SOA localhost. hostmaster.localhost. 2026120701 3600 720 86400 300
            @ NS localhost.
            malware.example.net CNAME .
            *.malware.example.net CNAME .
            """;

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
    @Operation(operationId = "fetchResponsePolicyZone", summary = "Fetch the response policy zone",
            description = "For the provider's resolvers, each with its own token in the path (a resolver's URL"
                    + " fetch cannot send credentials). An unknown token and an unknown zone name are both answered"
                    + " 404. Send the ETag back as If-None-Match: an unchanged zone is answered 304.")
    @APIResponse(responseCode = "200", description = "The zone file, with its ETag",
            content = @Content(mediaType = ZONE_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "one blocked domain", value = ZONE_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "The zone has not changed since the ETag sent")
    @APIResponse(responseCode = "404", description = "Unknown token or zone name")
    public Response fetch(@Parameter(description = "The resolver's secret token") @RestPath String token,
            @Parameter(description = "The zone's name, such as homeshield.rpz") @RestPath String file,
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
