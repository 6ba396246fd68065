package io.homeshield.api.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A bearer token that is expired, forged or from another issuer fails before any resource runs;
 * the identity layer has set 401 and its {@code WWW-Authenticate} challenge by then. This gives
 * the answer the problem body the apps expect.
 */
@ApplicationScoped
class ApiAuthenticationFailures {

    private final ObjectMapper json;

    ApiAuthenticationFailures(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route("/api/*").failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
            context.next();
            return;
        }
        Problem problem = Problem.of(ProblemType.UNAUTHENTICATED,
                "The bearer token is not valid; obtain a new access token.").at(context.normalizedPath());
        try {
            context.response()
                    .setStatusCode(401)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
