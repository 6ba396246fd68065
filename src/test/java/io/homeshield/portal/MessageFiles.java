package io.homeshield.portal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads message files (the portal's, the staff console's) as plain properties, to compare the languages. */
public final class MessageFiles {

    /** Qute sections and expressions inside a message; what is left between them is text a person reads. */
    private static final Pattern TEMPLATE_PART = Pattern.compile("\\{[^}]*\\}");
    /** Words the same in both languages, or too short to tell. */
    private static final Set<String> SAME_IN_BOTH = Set.of("Online", "Offline", "Laptop", "Tablet", "Computer",
            "Router",
            "Details", "Domain", "Thermostat", "HomeShield", "Neu", "Hour");

    private MessageFiles() {
    }

    public static Set<String> keys(String resource) {
        return new TreeSet<>(load(resource).stringPropertyNames());
    }

    /**
     * Text fragments of the English messages (at least two words long) whose German message differs:
     * finding one on a German page means the page was not translated there.
     */
    static List<String> onlyInEnglish() {
        List<String> fragments = new java.util.ArrayList<>(onlyInEnglish("msg"));
        fragments.addAll(onlyInEnglish("alertMsg"));
        return List.copyOf(fragments);
    }

    /** The same for the message bundle named {@code bundle} ({@code msg}, {@code alertMsg}, {@code staff}). */
    public static List<String> onlyInEnglish(String bundle) {
        Properties english = load("messages/" + bundle + ".properties");
        Properties german = load("messages/" + bundle + "_de.properties");
        Set<String> fragments = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (english.getProperty(key).equals(german.getProperty(key))) {
                continue;
            }
            for (String fragment : TEMPLATE_PART.split(english.getProperty(key))) {
                String text = fragment.strip();
                if (text.split("\\s+").length >= 2 && !SAME_IN_BOTH.contains(text)
                        && !german.getProperty(key).contains(text)) {
                    fragments.add(text.replace("'", "&#39;"));
                }
            }
        }
        return List.copyOf(fragments);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessageFiles.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
