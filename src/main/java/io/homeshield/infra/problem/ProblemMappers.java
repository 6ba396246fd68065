package io.homeshield.infra.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.resteasy.reactive.server.runtime.exceptionmappers.UnauthorizedExceptionMapper;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns every error into RFC 9457 problem+json for machines ({@code /api}, {@code /ingest}) and
 * into a friendly page for people. Never a class name or a stack trace. The one place errors are
 * mapped: resources declare no mappers of their own.
 */
public class ProblemMappers {

    private static final String PROVISIONING_API = "/api/provisioning/";

    private final Template errorPage;
    /** Quarkus's own answer to a missing session: the challenge of the sign-in mechanism (a redirect for pages). */
    private final UnauthorizedExceptionMapper signIn = new UnauthorizedExceptionMapper();

    ProblemMappers(@Location("error.html") Template errorPage) {
        this.errorPage = errorPage;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.problem(), uri);
        e.headers().forEach((name, value) -> response.getHeaders().add(name, value));
        return response;
    }

    /**
     * A call to the API without a token answers 401 with a problem naming the token it needs; a person
     * without a session is sent to sign in, as Quarkus does for pages.
     */
    @ServerExceptionMapper
    public Uni<Response> unauthenticated(UnauthorizedException e, UriInfo uri, RoutingContext request) {
        String path = uri.getPath();
        if (!isApiPath(path)) {
            return signIn.handle(request);
        }
        Problem problem = Problem.of(ProblemType.UNAUTHENTICATED,
                "Send an OAuth 2.0 access token as 'Authorization: Bearer <token>'.");
        return Uni.createFrom().item(Response.status(problem.status()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE).entity(problem.at(path)).build());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String path = uri.getPath();
        String detail;
        if (path.startsWith(PROVISIONING_API)) {
            detail = "This API is for the provider's systems (role provisioning) only.";
        } else if (isApiPath(path)) {
            detail = "This API is for subscribers.";
        } else {
            detail = "Your account does not have access to this.";
        }
        return respond(Problem.of(ProblemType.FORBIDDEN, detail), uri);
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri) {
        return respond(Problems.of(e), uri);
    }

    @ServerExceptionMapper(priority = 3)
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problems.of(e), uri);
    }

    /** More specific than {@link #badJson}, so the JSON extension's own mapper for it never answers instead. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(Problems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the JSON body reader wraps syntax errors and failed constructors in a plain 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
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
            case 428 -> ProblemType.PRECONDITION_REQUIRED;
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
        // rendered by the template filter, so the page comes in the person's language
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(errorPage.data("problem", problem)).build();
    }

    static boolean isApiPath(String path) {
        return path.startsWith("/api/");
    }

    static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.startsWith("/ingest/") || path.startsWith("/q/");
    }
}
