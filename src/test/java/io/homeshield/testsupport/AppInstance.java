package io.homeshield.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged application in its own JVM, in the production profile, against the
 * test database: what a replica in a cluster is. Its output is kept for the failure message.
 */
public final class AppInstance implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final int httpPort;

    private AppInstance(String name, Process process, int httpPort) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        Thread reader = new Thread(this::readOutput, "instance-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the packaged application with the given extra system properties. */
    public static AppInstance start(String name, Map<String, String> properties) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the application first: " + jar + " is missing");
        }
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + httpPort, "-Dquarkus.management.port=" + freePort(),
                "-Dquarkus.log.console.json.enabled=false",
                "-Dhomeshield.enforcement.instance-id=" + name));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOMESHIELD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + TestDatabase.name());
        env.put("HOMESHIELD_DB_USER", "homeshield");
        env.put("HOMESHIELD_DB_PASSWORD", "homeshield");
        env.put("HOMESHIELD_OIDC_URL", "http://127.0.0.1:9/realms/homeshield");
        env.put("HOMESHIELD_SESSION_SECRET", "integration-session-secret-of-32-characters");
        env.put("HOMESHIELD_CSRF_SECRET", "integration-csrf-secret-of-at-least-32-chars");
        env.put("HOMESHIELD_ROUTER_CREDENTIAL_PEPPER", "integration-pepper");
        // the tests' own audit key: instances seal entries into the audit chain of the tests' database
        env.put("HOMESHIELD_AUDIT_KEY_ID", "test-1");
        env.put("HOMESHIELD_AUDIT_KEY", "test-only-audit-key-0123456789abcdef");
        return new AppInstance(name, builder.start(), httpPort);
    }

    public void awaitStarted(Duration timeout) throws InterruptedException {
        if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("instance " + name + " did not start:\n" + output());
        }
    }

    public synchronized String output() {
        return String.join("\n", output);
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (this) {
                    output.add(line);
                }
                if (line.contains("started in")) {
                    started.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the process at once (SIGKILL): nothing it holds in memory is written, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** The base address of its HTTP server, once {@link #awaitStarted} returned. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
