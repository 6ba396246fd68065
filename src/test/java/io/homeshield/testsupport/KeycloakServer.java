package io.homeshield.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak for the tests: the server distribution Maven unpacked into {@code target/keycloak},
 * started once per test run (dev-file storage, a free port) with the project's realm export plus the
 * test users and clients below, and stopped when the run ends. It needs Java 21 or newer: the JDK
 * named by {@code homeshield.keycloak.java} or {@code KEYCLOAK_JAVA_HOME}, else the newest JDK 21+
 * found next to the one running the tests.
 */
public final class KeycloakServer {

    public static final String REALM = "homeshield";
    public static final String WEB_CLIENT = "homeshield-web";
    public static final String WEB_SECRET = "test-only-web-client-secret-of-40-characters";
    public static final String MOBILE_CLIENT = "homeshield-mobile";
    /** The provider's systems: a confidential client whose service account has the role provisioning. */
    public static final String PROVISIONING_CLIENT = "homeshield-provisioning";
    public static final String PROVISIONING_SECRET = "test-only-provisioning-secret-of-40-chars";
    /** A public client of the same realm whose tokens are not meant for HomeShield (no HomeShield audience). */
    public static final String PARTNER_CLIENT = "partner-hub";
    /** The mobile client's twin whose access tokens live two seconds. */
    public static final String SHORT_LIVED_CLIENT = "homeshield-mobile-short";

    /** Test users: name (also the password), the fixed subject id, realm roles. */
    public record User(String name, String subject, String role) {
    }

    public static final User ALICE = new User("kc-alice", "0b5c3e1a-7d2f-4c6b-9a8e-1f2d3c4b5a61", "subscriber");
    public static final User BOB = new User("kc-bob", "1c6d4f2b-8e3a-4d7c-8b9f-2a3e4d5c6b72", "subscriber");
    public static final User SAM = new User("kc-sam", "2d7e5a3c-9f4b-4e8d-9c0a-3b4f5e6d7c83", "support");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static KeycloakServer shared;

    private final Process process;
    private final String url;

    private KeycloakServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** The run's Keycloak, started on first use. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** The realm's issuer URL. */
    public String realmUrl() {
        return url + "/realms/" + REALM;
    }

    private static KeycloakServer start() {
        Path home = Paths.get(System.getProperty("homeshield.keycloak.home", "target/keycloak/keycloak"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home
                    + "; run the tests through Maven (the build unpacks org.keycloak:keycloak-quarkus-dist)");
        }
        Path java = java21();
        try {
            Path data = home.resolve("data");
            deleteTree(data);
            Files.createDirectories(data.resolve("import"));
            Files.writeString(data.resolve("import/homeshield-realm.json"), testRealm());
            int port = freePort();
            int managementPort = freePort();
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--hostname-strict=false", "--import-realm", "--cache=local"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.getParent().resolve("keycloak.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", java.toString());
            env.put("JAVA", java.resolve("bin/java").toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-test-only");
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(process, "http://127.0.0.1:" + port);
            server.awaitRealm(home.getParent().resolve("keycloak.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                        URI.create(realmUrl() + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT + "; see " + log);
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** The production realm export, with test users, a test secret and clients the tests need. */
    static String testRealm() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(Paths.get("src/main/keycloak/homeshield-realm.json").toFile());
        realm.put("sslRequired", "none");
        realm.put("bruteForceProtected", false);
        ArrayNode clients = (ArrayNode) realm.get("clients");
        ObjectNode mobile = null;
        for (var client : clients) {
            ObjectNode c = (ObjectNode) client;
            c.putArray("redirectUris").add("*");
            c.put("directAccessGrantsEnabled", true);
            if (WEB_CLIENT.equals(c.path("clientId").asText())) {
                c.put("secret", WEB_SECRET);
            }
            if (PROVISIONING_CLIENT.equals(c.path("clientId").asText())) {
                c.put("secret", PROVISIONING_SECRET);
                c.put("directAccessGrantsEnabled", false);
            }
            if (MOBILE_CLIENT.equals(c.path("clientId").asText())) {
                mobile = c;
            }
        }
        ObjectNode shortLived = mobile.deepCopy();
        shortLived.put("clientId", SHORT_LIVED_CLIENT);
        ((ObjectNode) shortLived.get("attributes")).put("access.token.lifespan", "2");
        clients.add(shortLived);
        ObjectNode partner = clients.addObject();
        partner.put("clientId", PARTNER_CLIENT);
        partner.put("enabled", true);
        partner.put("publicClient", true);
        partner.put("directAccessGrantsEnabled", true);
        partner.put("standardFlowEnabled", false);
        ArrayNode users = realm.has("users") ? (ArrayNode) realm.get("users") : realm.putArray("users");
        for (User user : List.of(ALICE, BOB, SAM)) {
            ObjectNode u = users.addObject();
            u.put("id", user.subject());
            u.put("username", user.name());
            u.put("enabled", true);
            u.put("email", user.name() + "@example.org");
            u.put("emailVerified", true);
            u.put("firstName", user.name());
            u.put("lastName", "Test");
            u.putArray("realmRoles").add(user.role());
            ObjectNode password = u.putArray("credentials").addObject();
            password.put("type", "password");
            password.put("value", user.name());
            password.put("temporary", false);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    /** A JDK that runs Keycloak (21 or newer). */
    static Path java21() {
        Optional<String> named = Optional.ofNullable(System.getProperty("homeshield.keycloak.java"))
                .or(() -> Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")));
        if (named.isPresent()) {
            return Paths.get(named.get());
        }
        Path running = Paths.get(System.getProperty("java.home"));
        if (Runtime.version().feature() >= 21) {
            return running;
        }
        List<Path> places = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Paths::get).ifPresent(places::add);
        try (Stream<Path> siblings = Files.list(running.getParent())) {
            siblings.forEach(places::add);
        } catch (IOException e) {
            // only the others then
        }
        return places.stream().filter(p -> featureVersion(p) >= 21)
                .max(Comparator.comparingInt(KeycloakServer::featureVersion))
                .orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21 or newer: install one next to"
                        + " " + running + ", or name it with -Dhomeshield.keycloak.java or KEYCLOAK_JAVA_HOME"));
    }

    private static int featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isExecutable(jdk.resolve("bin/java")) || !Files.isReadable(release)) {
            return 0;
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
