package io.homeshield.api.v1;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/** The API's answers to missing or insufficient credentials, and its query parameter parsing. */
final class ApiProblems {

    private ApiProblems() {
    }

    static Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.UNAUTHENTICATED,
                        "Send an OAuth 2.0 access token as 'Authorization: Bearer <token>'.").at(uri.getPath()))
                .build();
    }

    static Response forbidden(UriInfo uri) {
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.FORBIDDEN, "This API is for subscribers.").at(uri.getPath()))
                .build();
    }

    static Optional<Boolean> bool(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.invalid(field, "must be true or false");
        };
    }

    static <E extends Enum<E>> Optional<E> oneOf(Class<E> values, String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(values, value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.stream(values.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static Optional<UUID> uuid(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }
}
