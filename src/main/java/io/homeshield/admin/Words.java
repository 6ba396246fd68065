package io.homeshield.admin;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.homeshield.portal.AlertMessages;
import io.homeshield.portal.PortalMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundles of a language, for words made in Java; looked up once per language. */
final class Words {

    private static final Map<String, PortalMessages> PORTAL = new ConcurrentHashMap<>();
    private static final Map<String, StaffMessages> STAFF = new ConcurrentHashMap<>();
    private static final Map<String, AlertMessages> ALERTS = new ConcurrentHashMap<>();

    private Words() {
    }

    static PortalMessages portal(Object locale) {
        return PORTAL.computeIfAbsent(language(locale),
                language -> MessageBundles.get(PortalMessages.class, Localized.Literal.of(language)));
    }

    static AlertMessages alerts(Object locale) {
        return ALERTS.computeIfAbsent(language(locale),
                language -> MessageBundles.get(AlertMessages.class, Localized.Literal.of(language)));
    }

    static StaffMessages staff(Object locale) {
        return STAFF.computeIfAbsent(language(locale),
                language -> MessageBundles.get(StaffMessages.class, Localized.Literal.of(language)));
    }

    private static String language(Object locale) {
        return locale instanceof Locale l ? l.getLanguage() : Locale.ENGLISH.getLanguage();
    }
}
