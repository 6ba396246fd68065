package io.homeshield.infra.problem;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.homeshield.household.MemberMayNotActException;
import io.homeshield.household.NotInHouseholdException;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;

/**
 * Turns every error into RFC 9457 problem+json for machines ({@code /api}, {@code /ingest}) and
 * into a friendly page for people. Never a class name or a stack trace.
 */
public class ProblemMappers {

    private final Template errorPage;

    ProblemMappers(@Location("error.html") Template errorPage) {
        this.errorPage = errorPage;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.problem(), uri);
        e.headers().forEach((name, value) -> response.getHeaders().add(name, value));
        return response;
    }

    @ServerExceptionMapper
    public Response notInHousehold(NotInHouseholdException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response mayNotAct(MemberMayNotActException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your account does not have access to this."), uri);
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(lastNodes(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.reason()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return respond(Problem.of(ProblemType.INVALID_REQUEST, detail, violations), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownType(InvalidTypeIdException e, UriInfo uri) {
        String field = JsonPaths.of(e) + (JsonPaths.of(e).isEmpty() ? "" : ".") + "type";
        String reason = e.getTypeId() == null ? "is required" : "unknown type '" + e.getTypeId() + "'";
        return respond(Problem.of(ProblemType.INVALID_REQUEST, field + ": " + reason,
                List.of(new Problem.Violation(field, reason))), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        return respond(Problem.of(ProblemType.INVALID_REQUEST, field + ": unknown field",
                List.of(new Problem.Violation(field, "unknown field"))), uri);
    }

    @ServerExceptionMapper(priority = 2)
    public Response badJson(JsonMappingException e, UriInfo uri) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) {
            return malformedJson(e, uri);
        }
        String field = JsonPaths.of(e);
        String reason = e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                ? iae.getMessage()
                : "has the wrong type or format";
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_JSON, "The body does not have the expected shape."), uri);
        }
        return respond(Problem.of(ProblemType.INVALID_REQUEST, field + ": " + reason,
                List.of(new Problem.Violation(field, reason))), uri);
    }

    @ServerExceptionMapper(priority = 3)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "The body is not valid JSON" + where + "."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the JSON body reader wraps syntax errors and failed constructors in a plain 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? badJson(mapping, uri) : malformedJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemType.TOO_MANY_REQUESTS;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
        };
        if (status >= 500) {
            Log.error("Request failed", e);
        }
        return respond(Problem.of(type, type == ProblemType.NOT_FOUND ? "Nothing here." : type.title() + "."), uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.error("Unexpected failure", e);
        return respond(Problem.of(ProblemType.INTERNAL, "Please try again; if it persists, contact support."), uri);
    }

    private Response respond(Problem problem, UriInfo uri) {
        String path = uri.getPath();
        if (isMachinePath(path)) {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(path)).build();
        }
        String html = errorPage.data("problem", problem).render();
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.startsWith("/ingest/") || path.startsWith("/q/");
    }

    private static String lastNodes(String propertyPath) {
        // "quarantine.arg0.duration" -> "duration": callers want the request field, not the method path
        String[] parts = propertyPath.split("\\.");
        int start = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("arg") || parts[i].equals("body") || parts[i].equals("request")) {
                start = i + 1;
            }
        }
        String field = start >= parts.length ? propertyPath
                : String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
        return field.replace(".<list element>", "").replace("<list element>", "");
    }
}
