package io.homeshield.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The language of this request's pages: the one chosen with the language switch (a cookie), else
 * the browser's preference ({@code Accept-Language}), else English. Shared by the subscriber's and the
 * staff's pages; each web layer looks up its own message bundles in it.
 */
@RequestScoped
@Named("lang")
public class PageLocale {

    public static final String COOKIE = "hs_lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final CurrentVertxRequest current;
    private Locale locale;

    PageLocale(CurrentVertxRequest current) {
        this.current = current;
    }

    /** The page's language; English where there is no HTTP request (work done in the background). */
    public Locale locale() {
        if (locale == null) {
            RoutingContext context = current.getCurrent();
            HttpServerRequest request = context == null ? null : context.request();
            locale = request == null ? Locale.ENGLISH
                    : resolve(cookieValue(request), request.getHeader("Accept-Language"));
        }
        return locale;
    }

    /** For {@code <html lang>}. */
    public String getTag() {
        return locale().getLanguage();
    }

    public boolean isGerman() {
        return Locale.GERMAN.getLanguage().equals(getTag());
    }

    public static Locale resolve(String chosen, String acceptLanguage) {
        Locale fromCookie = supported(chosen);
        if (fromCookie != null) {
            return fromCookie;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /** The supported language with this tag ("de", "en"), or null. */
    public static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag)).findFirst().orElse(null);
    }

    private static String cookieValue(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
