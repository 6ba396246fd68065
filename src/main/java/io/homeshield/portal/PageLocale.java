package io.homeshield.portal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The language of this request's pages: the one chosen with the language switch (a cookie), else
 * the browser's preference ({@code Accept-Language}), else English.
 */
@RequestScoped
@Named("lang")
public class PageLocale {

    static final String COOKIE = "hs_lang";
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    private static final Map<String, PortalMessages> BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, AlertMessages> ALERT_BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, GuideMessages> GUIDE_BUNDLES = new ConcurrentHashMap<>();

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

    PortalMessages messages() {
        return messages(locale());
    }

    /** The bundle of a language; looked up once per language, pages ask for it many times. */
    static PortalMessages messages(Locale locale) {
        return BUNDLES.computeIfAbsent(locale.getLanguage(),
                language -> MessageBundles.get(PortalMessages.class, Localized.Literal.of(language)));
    }

    /** The guiding texts of a language. */
    static GuideMessages guide(Locale locale) {
        return GUIDE_BUNDLES.computeIfAbsent(locale.getLanguage(),
                language -> MessageBundles.get(GuideMessages.class, Localized.Literal.of(language)));
    }

    /** The alert texts of a language. */
    static AlertMessages alerts(Locale locale) {
        return ALERT_BUNDLES.computeIfAbsent(locale.getLanguage(),
                language -> MessageBundles.get(AlertMessages.class, Localized.Literal.of(language)));
    }

    /** The alert texts of a template's {@code locale} attribute; English when it has none. */
    static AlertMessages alertsOf(Object locale) {
        return alerts(locale instanceof Locale l ? l : Locale.ENGLISH);
    }

    static Locale resolve(String chosen, String acceptLanguage) {
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
    static Locale supported(String tag) {
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
