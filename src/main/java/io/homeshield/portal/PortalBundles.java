package io.homeshield.portal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.homeshield.alert.AlertMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The portal's message bundles of a language, looked up once per language: pages ask for them many times. */
final class PortalBundles {

    private static final Map<String, PortalMessages> BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, AlertMessages> ALERT_BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, GuideMessages> GUIDE_BUNDLES = new ConcurrentHashMap<>();

    private PortalBundles() {
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
}
