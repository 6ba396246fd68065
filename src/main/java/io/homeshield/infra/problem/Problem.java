package io.homeshield.infra.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, with the fields that were wrong and why. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public record Problem(
        @Schema(examples = "https://homeshield.io/problems/invalid-request") URI type,
        @Schema(examples = "The request is not valid") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "events[2].mac: not a MAC address") String detail,
        @Schema(examples = "/ingest/v1/batches") String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://homeshield.io/problems/";

    /** One wrong field: its JSON path in the request and what is wrong with it. */
    @Schema(name = "Violation")
    public record Violation(@Schema(examples = "events[2].mac") String field,
            @Schema(examples = "not a MAC address") String reason) {
    }

    public static Problem of(ProblemType type, String detail, List<Violation> violations) {
        return new Problem(URI.create(BASE + type.slug()), type.title(), type.status(), detail, null,
                violations == null ? List.of() : violations);
    }

    public static Problem of(ProblemType type, String detail) {
        return of(type, detail, List.of());
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }
}
