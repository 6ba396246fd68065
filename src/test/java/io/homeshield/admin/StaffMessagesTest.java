package io.homeshield.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The staff console's words exist in both languages, and the German ones are German. */
class StaffMessagesTest {

    /** The same in both languages. */
    private static final List<String> SAME = List.of("nav_start", "intel_version", "config_format");

    @Test
    void everyMessageHasItsGermanTranslation() throws IOException {
        Properties english = load("messages/staff.properties");
        Properties german = load("messages/staff_de.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(german.stringPropertyNames()));
        List<String> untranslated = english.stringPropertyNames().stream()
                .filter(key -> english.getProperty(key).equals(german.getProperty(key)))
                .filter(key -> SAME.stream().noneMatch(key::equals)).sorted().toList();
        assertTrue(untranslated.isEmpty(), "the same in German as in English: " + untranslated);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                StaffMessagesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
