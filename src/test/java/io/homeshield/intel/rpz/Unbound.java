package io.homeshield.intel.rpz;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Debian's unbound, started on a free port on 127.0.0.1 with a generated configuration: the
 * policy zone (by URL, or from a file), a local zone for names that resolve without the
 * Internet, and every other name forwarded to a closed local port so nothing leaves the machine.
 */
final class Unbound implements AutoCloseable {

    static final String LOCAL_NAME = "portal.homeshield-test.example";
    static final String LOCAL_ADDRESS = "192.0.2.80";

    final int port;
    final Path zoneFile;
    final Path config;
    private final Process process;
    private final Path log;

    private Unbound(int port, Path zoneFile, Path config, Process process, Path log) {
        this.port = port;
        this.zoneFile = zoneFile;
        this.config = config;
        this.process = process;
        this.log = log;
    }

    /** Unbound reading the zone from {@code url} (null: only from {@code zoneFile}, which must exist). */
    static Unbound start(Path dir, String zoneName, String url, Path zoneFile) throws Exception {
        int port = freePort();
        Path config = dir.resolve("unbound.conf");
        Path log = dir.resolve("unbound.log");
        Files.writeString(config, """
                server:
                  interface: 127.0.0.1
                  port: %d
                  do-daemonize: no
                  chroot: ""
                  username: ""
                  directory: "%s"
                  pidfile: ""
                  use-syslog: no
                  logfile: ""
                  verbosity: 1
                  do-ip6: no
                  module-config: "respip iterator"
                  do-not-query-localhost: no
                  local-zone: "homeshield-test.example." static
                  local-data: "%s. A %s"
                forward-zone:
                  name: "."
                  forward-addr: 127.0.0.1@9
                rpz:
                  name: "%s"
                  zonefile: "%s"
                %s  rpz-log: yes
                """.formatted(port, dir, LOCAL_NAME, LOCAL_ADDRESS, zoneName, zoneFile,
                url == null ? "" : "  url: \"" + url + "\"\n"));
        check(config);
        Process process = new ProcessBuilder("unbound", "-d", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Unbound unbound = new Unbound(port, zoneFile, config, process, log);
        unbound.awaitAnswering();
        return unbound;
    }

    static void check(Path config) throws Exception {
        Process check = new ProcessBuilder("unbound-checkconf", config.toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes());
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException("unbound-checkconf refused the configuration: " + out);
        }
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void awaitAnswering() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("unbound stopped: " + log());
            }
            try {
                if (DnsQuery.a(port, LOCAL_NAME).rcode() == DnsQuery.NOERROR) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("unbound did not answer: " + log());
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
