package io.homeshield.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.net.MacAddress;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The manufacturer behind a MAC address, from the bundled IEEE registry: the most specific
 * assignment wins (36-bit MA-S, then 28-bit MA-M, then 24-bit MA-L).
 */
@ApplicationScoped
@Startup
public class VendorRegistry {

    private static final String FOLDER = "ieee-oui/";
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}|[\\t\\r\\n]");

    /** Entries that name no manufacturer: withheld registrations and the IEEE's own parent blocks. */
    private static final List<String> NOT_A_VENDOR = List.of("private", "ieee registration authority");

    private VendorPrefixes maS;
    private VendorPrefixes maM;
    private VendorPrefixes maL;

    // Loaded here rather than in the constructor: the client proxy calls the no-args constructor too.
    @PostConstruct
    void load() {
        long started = System.nanoTime();
        Map<String, String> names = new HashMap<>();
        maL = read("oui.csv", "MA-L", 6, names);
        maM = read("mam.csv", "MA-M", 7, names);
        maS = read("oui36.csv", "MA-S", 9, names);
        Log.infof("IEEE registry loaded: %d MA-L, %d MA-M, %d MA-S assignments in %d ms", maL.size(), maM.size(),
                maS.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** A registry read from the bundled files, for use outside the container (tests, tools). */
    public static VendorRegistry loaded() {
        VendorRegistry registry = new VendorRegistry();
        registry.load();
        return registry;
    }

    /** The organisation the address was assigned to; empty for a locally administered (randomised) address. */
    public Optional<String> vendorOf(MacAddress mac) {
        if (mac.isLocallyAdministered()) {
            return Optional.empty();
        }
        return maS.find(Long.parseLong(mac.oui36(), 16))
                .or(() -> maM.find(Long.parseLong(mac.oui28(), 16)))
                .or(() -> maL.find(Long.parseLong(mac.oui24(), 16)));
    }

    private static VendorPrefixes read(String file, String registry, int digits, Map<String, String> names) {
        VendorPrefixes.Builder builder = new VendorPrefixes.Builder();
        try (InputStream in = VendorRegistry.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("IEEE registry file missing from the classpath: " + FOLDER + file);
            }
            VendorCsv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), row -> {
                if (row.size() < 3 || !registry.equals(row.get(0)) || !HEX.matcher(row.get(1)).matches()
                        || row.get(1).length() != digits) {
                    return;
                }
                String name = tidy(row.get(2));
                if (!name.isEmpty() && !NOT_A_VENDOR.contains(name.toLowerCase(Locale.ROOT))) {
                    // One String per organisation: Apple alone holds a thousand MA-L blocks
                    builder.add(Long.parseLong(row.get(1), 16), names.computeIfAbsent(name, n -> n));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }

    /**
     * Trims, collapses the stray tabs and double spaces some registrations carry, and decodes the
     * two HTML entities ({@code &quot;}, {@code &amp;}) that slipped into a few names.
     */
    static String tidy(String name) {
        String tidied = name.replace("&quot;", "\"").replace("&amp;", "&").strip();
        return SPACES.matcher(tidied).replaceAll(" ");
    }
}
