package io.homeshield.telemetry.flowexport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's softflowd replaying a capture as a router's flow exporter would: it reads the file once
 * asked for its statistics, and exports every flow it still tracks when told to shut down.
 */
final class Softflowd {

    static final String BINARY = "/usr/sbin/softflowd";
    private static final Pattern PROCESSED = Pattern.compile("Packets processed: (\\d+)");

    private Softflowd() {
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of("/usr/sbin/softflowctl"));
    }

    /** Exports the capture's flows to the collector, as NetFlow v9 ({@code 9}) or IPFIX ({@code 10}). */
    static void export(Path capture, int packets, int version, int collectorPort, Path workDir) throws Exception {
        export(capture, packets, version, collectorPort, workDir, List.of());
    }

    /** As above, with further options such as timeouts ({@code -t tcp=15}). */
    static void export(Path capture, int packets, int version, int collectorPort, Path workDir, List<String> options)
            throws Exception {
        Path control = workDir.resolve("softflowd.ctl");
        List<String> command = new java.util.ArrayList<>(List.of(BINARY, "-d", "-r", capture.toString(), "-a", "-v",
                String.valueOf(version), "-n", "127.0.0.1:" + collectorPort, "-c", control.toString(), "-p",
                workDir.resolve("softflowd.pid").toString()));
        command.addAll(options);
        Process exporter = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("softflowd.log").toFile()).start();
        try {
            awaitFile(control, exporter);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (processed(control) < packets) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("softflowd did not read the capture: "
                            + Files.readString(workDir.resolve("softflowd.log")));
                }
                Thread.sleep(100);
            }
            control(control, "shutdown");
            if (!exporter.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("softflowd did not stop");
            }
        } finally {
            exporter.destroy();
        }
    }

    private static long processed(Path control) throws IOException, InterruptedException {
        Matcher m = PROCESSED.matcher(control(control, "statistics"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String control(Path control, String command) throws IOException, InterruptedException {
        Process ctl = new ProcessBuilder(List.of("/usr/sbin/softflowctl", "-c", control.toString(), command))
                .redirectErrorStream(true).start();
        String output = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ctl.waitFor(10, TimeUnit.SECONDS);
        return output;
    }

    private static void awaitFile(Path file, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("softflowd did not open its control socket");
            }
            Thread.sleep(50);
        }
    }
}
