package io.homeshield.devmode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application as {@code ./mvnw quarkus:dev} runs it: every {@code %dev} key of
 * application.properties applies (embedded H2, simulator, in-process OIDC server), and every key the
 * {@code %test} profile sets on its own goes back to its unprofiled value. Read from the file rather
 * than listed here, so a {@code %dev} key added later is tested too.
 *
 * <p>Test-only keys without an unprofiled value stay as the tests set them; none of them changes what
 * a page shows. The HTTP port is fixed to a free one because the simulator posts to the application's
 * own port, as it does in dev mode.
 */
public class DevProfile implements QuarkusTestProfile {

    private static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return overrides(applicationProperties(), PORT);
    }

    static Map<String, String> overrides(Properties file, int port) {
        Map<String, String> dev = new HashMap<>();
        Map<String, String> testOnly = new HashMap<>();
        for (String key : file.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                continue;
            }
            int dot = key.indexOf('.');
            Set<String> profiles = Set.of(key.substring(1, dot).split(","));
            String name = key.substring(dot + 1);
            if (profiles.contains("dev") && !profiles.contains("test")) {
                dev.put(name, file.getProperty(key));
            } else if (profiles.contains("test") && !profiles.contains("dev") && file.containsKey(name)) {
                testOnly.put(name, file.getProperty(name));
            }
        }
        Map<String, String> overrides = new HashMap<>(testOnly);
        overrides.putAll(dev);
        overrides.put("quarkus.http.port", String.valueOf(port));
        overrides.put("quarkus.http.test-port", String.valueOf(port));
        return overrides;
    }

    static Properties applicationProperties() {
        Properties file = new Properties();
        try (InputStream in = DevProfile.class.getClassLoader().getResourceAsStream("application.properties")) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The demo users: exactly those the in-process OIDC server knows in dev mode (alice, bob, sam ...). */
    static List<String> demoUsers() {
        String prefix = "quarkus.oidc.devservices.roles.";
        return applicationProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("%") && key.contains("dev"))
                .map(key -> key.substring(key.indexOf('.') + 1))
                .filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length()))
                .sorted()
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
