package io.homeshield.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/**
 * Authenticates a router from its HTTP Basic credential ({@code <router id>:<secret>}). A person's
 * bearer token is refused outright: people never post telemetry.
 */
@ApplicationScoped
class RouterAuthenticator {

    static final String CHALLENGE = "Basic realm=\"homeshield-ingest\", charset=\"UTF-8\"";

    private final RouterCredentials credentials;

    RouterAuthenticator(RouterCredentials credentials) {
        this.credentials = credentials;
    }

    /** The id of the router the credential belongs to, or a 401 problem. */
    UUID authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw refused("Routers authenticate with HTTP Basic: the router id and its ingest secret.");
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("A person's token is not accepted here; routers authenticate with their own credential "
                    + "(HTTP Basic: the router id and its ingest secret).");
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw refused("Routers authenticate with HTTP Basic: the router id and its ingest secret.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused("The router credential is not valid.");
        }
        int colon = decoded.indexOf(':');
        UUID routerId = colon < 0 ? null : parseId(decoded.substring(0, colon));
        if (routerId == null || !credentials.matches(routerId, decoded.substring(colon + 1))) {
            throw refused("The router credential is not valid.");
        }
        return routerId;
    }

    private static UUID parseId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, detail).withHeader("WWW-Authenticate", CHALLENGE);
    }
}
