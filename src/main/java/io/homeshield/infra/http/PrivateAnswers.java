package io.homeshield.infra.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What a signed-in person is answered is theirs alone: {@code Cache-Control: no-store}, so that no
 * browser cache, shared computer or proxy keeps a household's devices, alerts or tokens. Pages and
 * API answers are marked whether or not the sign-in succeeded; public assets stay cacheable.
 */
@ApplicationScoped
class PrivateAnswers {

    static final String NO_STORE = "no-store";

    void register(@Observes Router router) {
        router.route().order(-9).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (isPrivate(context)) {
                    context.response().headers().set(HttpHeaders.CACHE_CONTROL, NO_STORE);
                    context.response().headers().set("Pragma", "no-cache");
                }
            });
            context.next();
        });
    }

    private static boolean isPrivate(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return true;
        }
        String path = context.normalizedPath();
        return path.startsWith("/api/") || path.equals("/portal") || path.startsWith("/portal/")
                || path.equals("/admin") || path.startsWith("/admin/");
    }
}
