package io.homeshield.routers.genieacs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The GenieACS provision scripts HomeShield installs, shipped next to this class as {@code <name>.js}. */
final class ProvisionScripts {

    private ProvisionScripts() {
    }

    static String load(String name) {
        try (InputStream in = ProvisionScripts.class.getResourceAsStream(name + ".js")) {
            if (in == null) {
                throw new IllegalStateException(name + ".js is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
