package io.homeshield.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * Security headers on every page and asset: scripts, styles and connections only from this site,
 * never framed, no referrer to other sites. The platform's endpoints under /q keep their own.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    void register(@Observes Router router) {
        router.route().order(-10).handler(context -> {
            if (!context.normalizedPath().startsWith("/q/")) {
                context.addHeadersEndHandler(ignored -> add(context.response().headers()));
            }
            context.next();
        });
    }

    static void add(MultiMap headers) {
        headers.set("Content-Security-Policy", POLICY);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
