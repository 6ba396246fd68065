package io.homeshield.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.homeshield.web.PageLocale;
import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Every page comes in the request's language: each template instance gets the request's locale when
 * it is created (pages and error pages alike), and HTML responses say which language they are in.
 */
@ApplicationScoped
class PageLocaleFilter {

    void localiseTemplates(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(PageLocaleFilter::localise);
    }

    static void localise(TemplateInstance instance) {
        // message bundles choose their own language; only pages take the request's
        if (Arc.container().requestContext().isActive() && servingHttp()
                && instance.getAttribute(TemplateInstance.LOCALE) == null) {
            instance.setLocale(Arc.container().instance(PageLocale.class).get().locale());
        }
    }

    /** A request context may be active without an HTTP request (a scheduled job, a test): then the default language. */
    private static boolean servingHttp() {
        CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
        return current != null && current.getCurrent() != null;
    }

    @ServerResponseFilter
    void describe(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            PageLocale locale = Arc.container().instance(PageLocale.class).get();
            response.getHeaders().add("Content-Language", locale.getTag());
            response.getHeaders().add("Vary", "Accept-Language, Cookie");
        }
    }
}
