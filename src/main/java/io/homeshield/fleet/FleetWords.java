package io.homeshield.fleet;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The fleet pages' words in a language, for text made in Java; looked up once per language. */
public final class FleetWords {

    private static final Map<String, FleetMessages> BUNDLES = new ConcurrentHashMap<>();

    private FleetWords() {
    }

    public static FleetMessages in(Locale locale) {
        return BUNDLES.computeIfAbsent(locale.getLanguage(),
                language -> MessageBundles.get(FleetMessages.class, Localized.Literal.of(language)));
    }
}
