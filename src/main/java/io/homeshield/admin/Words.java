package io.homeshield.admin;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.homeshield.alert.AlertMessages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundles of a language, for words made in Java; looked up once per language. */
final class Words {

    private static final Map<String, StaffMessages> STAFF = new ConcurrentHashMap<>();
    private static final Map<String, AlertMessages> ALERTS = new ConcurrentHashMap<>();

    private Words() {
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
