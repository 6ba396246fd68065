package io.homeshield.portal;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * How long the server took to answer a page, rendering included, as a {@code Server-Timing} header:
 * browsers' developer tools show it, and the page timing benchmark reads it.
 */
@ApplicationScoped
class ServerTiming {

    void register(@Observes Router router) {
        router.route().order(-20).handler(context -> {
            if (CsrfFilter.isGuarded(context.normalizedPath())) {
                long start = System.nanoTime();
                context.addHeadersEndHandler(ignored -> context.response().headers().set("Server-Timing",
                        String.format(Locale.ROOT, "app;dur=%.1f", (System.nanoTime() - start) / 1e6)));
            }
            context.next();
        });
    }
}
