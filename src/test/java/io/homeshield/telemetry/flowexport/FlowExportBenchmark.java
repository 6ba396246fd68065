package io.homeshield.telemetry.flowexport;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.EvidenceSource;
import io.homeshield.net.IpAddress;
import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The flow collector at provider scale: {@code bench.exporters} routers (200) export IPFIX as softflowd
 * does (template 1024: IPv4 addresses, flow start and end in milliseconds, octets, packets,
 * interfaces, ports, protocol, TCP flags, IP version and class of service: 48 bytes; 28 records in a datagram of
 * at most 1,428 bytes, the template again every 16 datagrams), each from its own address and socket,
 * about its {@code bench.devices-per-router} (20) devices: every connection is two records, the
 * device's and the answer. The rate rises step by step ({@code bench.rates}); each step lasts
 * {@code bench.step-seconds} and is followed by the time the collector needs to apply what it holds.
 * Reported per step: records sent, decoded, mapped to a device, applied through the pipeline, dropped
 * (by the collector, or lost before it: in the kernel's receive buffer), the most flows held for the
 * pipeline, CPU per record (this process, which also sends, and the database's server processes),
 * and the load average. Run with {@code ./mvnw -Pbenchmark verify -DskipITs -Dtest=FlowExportBenchmark}.
 */
@QuarkusTest
@TestProfile(FlowExportBenchmarkProfile.class)
class FlowExportBenchmark {

    private static final int EXPORTERS = Integer.getInteger("bench.exporters", 200);
    private static final int DEVICES = Integer.getInteger("bench.devices-per-router", 20);
    private static final int SENDERS = Integer.getInteger("bench.senders", 2);
    private static final int STEP_SECONDS = Integer.getInteger("bench.step-seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 60);
    private static final String RATES = System.getProperty("bench.rates", "100000,200000,300000,400000");

    private static final int TEMPLATE_ID = 1024;
    private static final int RECORDS_PER_DATAGRAM = 28;
    private static final int TEMPLATE_EVERY = 16;
    private static final int DATAGRAMS_PER_EXPORTER = 64;
    /** softflowd's IPv4 template with times in milliseconds ({@code -A milli}): element id and length. */
    private static final int[] SOFTFLOWD_V4 = { 8, 4, 12, 4, 152, 8, 153, 8, 1, 4, 2, 4, 10, 4, 14, 4, 7, 2, 11, 2,
            4, 1, 6, 1, 60, 1, 5, 1 };

    @Inject
    FlowCollector collector;

    @Inject
    FlowExporters exporters;

    @Inject
    FlowExportMetrics metrics;

    @Inject
    FlowBatchSender sender;

    @Inject
    TelemetryPipeline pipeline;

    @Inject
    FlowExportConfig config;

    /** One router's exporter: its own address and socket, the datagrams it sends in turn. */
    private static final class Exporter {
        final DatagramChannel channel;
        final byte[][] datagrams;
        final byte[] template;
        int next;
        long sent;

        Exporter(DatagramChannel channel, byte[][] datagrams, byte[] template) {
            this.channel = channel;
            this.datagrams = datagrams;
            this.template = template;
        }
    }

    private record Counts(double decoded, double mapped, double inbound, double applied, double dropped,
            double datagramsDropped, double laneFull, double refused, double unmapped, long appCpu,
            Map<Integer, Long> databaseCpu) {
    }

    @Test
    void measure() throws Exception {
        List<Exporter> fleet = fleet();
        InetSocketAddress collectorAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), collector.port());
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Flow export benchmark: %d exporters (IPFIX as softflowd, %d records a datagram), %d devices,"
                        + " %d sending threads, %d hand-off lanes, %d cores; %d s per step after %d s of warm-up%n",
                EXPORTERS, RECORDS_PER_DATAGRAM, EXPORTERS * DEVICES, SENDERS, config.handOffLanes(),
                Runtime.getRuntime().availableProcessors(), STEP_SECONDS, WARMUP_SECONDS));
        step(fleet, collectorAddress, 50_000, WARMUP_SECONDS);
        for (String rate : RATES.split(",")) {
            report.append(step(fleet, collectorAddress, Integer.parseInt(rate.trim()), STEP_SECONDS));
            System.out.print(report);
        }
        for (Exporter exporter : fleet) {
            exporter.channel.close();
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "flow-export-benchmark.txt"), report);
    }

    private String step(List<Exporter> fleet, InetSocketAddress collectorAddress, int recordsPerSecond, int seconds)
            throws Exception {
        Counts before = counts();
        double loadBefore = loadAverage();
        long start = System.nanoTime();
        long sent = send(fleet, collectorAddress, recordsPerSecond, seconds);
        long sendNanos = System.nanoTime() - start;
        int maxPending = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Counts after;
        // until everything sent is decoded (or lost) and every mapped flow applied (or dropped)
        while (true) {
            maxPending = Math.max(maxPending, sender.pendingFlows());
            Thread.sleep(200);
            after = counts();
            double decoded = after.decoded() - before.decoded();
            double accountedDatagrams = (after.datagramsDropped() - before.datagramsDropped()) * RECORDS_PER_DATAGRAM;
            boolean received = decoded + accountedDatagrams >= sent;
            boolean applied = after.applied() - before.applied() + after.dropped() - before.dropped()
                    >= after.mapped() - before.mapped() && sender.pendingFlows() == 0;
            if ((received && applied) || System.nanoTime() > deadline) {
                break;
            }
            if (!received && System.nanoTime() - start > sendNanos + Duration.ofSeconds(10).toNanos() && applied) {
                break; // what has not arrived 10 s after the last datagram was lost before the collector
            }
        }
        long drainNanos = System.nanoTime() - start - sendNanos;
        long database = databaseCpu(before.databaseCpu(), after.databaseCpu());
        double decoded = after.decoded() - before.decoded();
        double lostBefore = Math.max(0, sent - decoded
                - (after.datagramsDropped() - before.datagramsDropped()) * RECORDS_PER_DATAGRAM);
        double dropped = after.dropped() - before.dropped()
                + (after.datagramsDropped() - before.datagramsDropped()) * RECORDS_PER_DATAGRAM;
        double offered = sent * 1e9 / sendNanos;
        String cpu = String.format(Locale.ROOT, "%.2f µs app (with the sender)%s",
                (after.appCpu() - before.appCpu()) / 1e3 / Math.max(1, sent),
                database < 0 ? "" : String.format(Locale.ROOT, " + %.2f µs database",
                        database / 1e3 / Math.max(1, sent)));
        return String.format(Locale.ROOT, "  %,9d records/s asked, %,9.0f sent: %,11d sent, %,11.0f decoded"
                + " (%,.0f mapped, %,.0f answers, %,.0f neither), %,10.0f applied, %,8.0f dropped by the collector"
                + " (%,.0f datagrams: queue full; %,.0f flows: lane full; %,.0f flows refused), %,8.0f lost before it;"
                + " %s %s; most flows held %,d; applied %.1f s after the last datagram; CPU per record %s;"
                + " load average %.1f → %.1f%n",
                recordsPerSecond, offered, sent, decoded, after.mapped() - before.mapped(),
                after.inbound() - before.inbound(), after.unmapped() - before.unmapped(),
                after.applied() - before.applied(), dropped, after.datagramsDropped() - before.datagramsDropped(),
                after.laneFull() - before.laneFull(), after.refused() - before.refused(), lostBefore,
                dropped + lostBefore == 0 ? "WITHOUT LOSS" : "LOSS", String.format(Locale.ROOT, "(%.2f %%)",
                        100 * (dropped + lostBefore) / Math.max(1, sent)),
                maxPending, drainNanos / 1e9, cpu, loadBefore, loadAverage());
    }

    /**
     * Sends at the rate for the seconds given, each exporter in turn, from {@code SENDERS} threads;
     * returns records sent.
     */
    private long send(List<Exporter> fleet, InetSocketAddress collectorAddress, int recordsPerSecond, int seconds)
            throws Exception {
        long datagramsPerSecond = Math.max(1, recordsPerSecond / RECORDS_PER_DATAGRAM);
        long total = datagramsPerSecond * seconds;
        List<Thread> threads = new ArrayList<>();
        long[] sentBy = new long[SENDERS];
        long start = System.nanoTime();
        for (int t = 0; t < SENDERS; t++) {
            int thread = t;
            List<Exporter> mine = new ArrayList<>();
            for (int i = thread; i < fleet.size(); i += SENDERS) {
                mine.add(fleet.get(i));
            }
            long share = total / SENDERS;
            Thread sending = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocateDirect(2_048);
                long done = 0;
                int index = 0;
                try {
                    while (done < share) {
                        long due = (System.nanoTime() - start) * share / (seconds * 1_000_000_000L);
                        if (done >= due) {
                            LockSupport.parkNanos(200_000);
                            continue;
                        }
                        while (done < Math.min(due, share)) {
                            Exporter exporter = mine.get(index++ % mine.size());
                            if (exporter.sent % TEMPLATE_EVERY == 0) {
                                exporter.channel.send(buffer.clear().put(exporter.template).flip(), collectorAddress);
                            }
                            byte[] datagram = exporter.datagrams[exporter.next++ % exporter.datagrams.length];
                            exporter.channel.send(buffer.clear().put(datagram).flip(), collectorAddress);
                            exporter.sent++;
                            done++;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                sentBy[thread] = done;
            }, "bench-exporters-" + t);
            sending.start();
            threads.add(sending);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long datagrams = 0;
        for (long count : sentBy) {
            datagrams += count;
        }
        return datagrams * RECORDS_PER_DATAGRAM;
    }

    /** Households with their devices' addresses known, each router exporting from an address of its own. */
    private List<Exporter> fleet() throws Exception {
        List<Exporter> fleet = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(20261207L);
        Instant now = Instant.now();
        for (int r = 0; r < EXPORTERS; r++) {
            TestHousehold home = Fixtures.household("flow-bench-" + UUID.randomUUID());
            List<TelemetryEvent> hosts = new ArrayList<>();
            List<String> lan = new ArrayList<>();
            for (int d = 0; d < DEVICES; d++) {
                String ip = "192.168." + (r % 200) + "." + (10 + d);
                lan.add(ip);
                hosts.add(new HostEvent(Fixtures.randomMac().value(), ip, "device-" + d, true, now));
            }
            pipeline.accept(home.routerId(), new TelemetryBatch(home.routerId(), 1L, now, hosts),
                    EvidenceSource.ROUTER);
            String address = "127.20." + (r / 250) + "." + (1 + r % 250);
            IpAddress exporterAddress = IpAddress.of(address);
            QuarkusTransaction.requiringNew().run(() -> {
                exporters.holderOf(exporterAddress).ifPresent(holder -> exporters.remove(holder, exporterAddress));
                exporters.register(home.routerId(), exporterAddress);
            });
            DatagramChannel channel = DatagramChannel.open()
                    .bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            fleet.add(new Exporter(channel, datagrams(lan, random, now), templateMessage(now)));
        }
        return fleet;
    }

    private static byte[] templateMessage(Instant now) {
        return bytes(ExportMessage.ipfix(now.getEpochSecond()).template(TEMPLATE_ID, SOFTFLOWD_V4));
    }

    /** A router's datagrams: connections of its devices to everyday services, each with its answer. */
    private static byte[][] datagrams(List<String> lan, SplittableRandom random, Instant now) {
        byte[][] out = new byte[DATAGRAMS_PER_EXPORTER][];
        int[] ports = { 443, 443, 443, 80, 53, 123, 993, 8883 };
        for (int i = 0; i < out.length; i++) {
            byte[][] records = new byte[RECORDS_PER_DATAGRAM][];
            for (int c = 0; c < RECORDS_PER_DATAGRAM; c += 2) {
                String device = lan.get(random.nextInt(lan.size()));
                String service = "151.101." + random.nextInt(64) + "." + (1 + random.nextInt(200));
                int port = ports[random.nextInt(ports.length)];
                int protocol = port == 53 || port == 123 ? 17 : 6;
                int devicePort = 32_768 + random.nextInt(28_000);
                long startMillis = now.toEpochMilli() - 60_000 + random.nextInt(50_000);
                long endMillis = startMillis + random.nextInt(5_000);
                long octets = 200 + random.nextInt(60_000);
                records[c] = record(device, service, startMillis, endMillis, octets / 10, devicePort, port, protocol);
                records[c + 1] = record(service, device, startMillis, endMillis, octets, port, devicePort, protocol);
            }
            out[i] = bytes(ExportMessage.ipfix(now.getEpochSecond()).data(TEMPLATE_ID, records));
        }
        return out;
    }

    private static byte[] record(String source, String destination, long startMillis, long endMillis, long octets,
            int sourcePort, int destinationPort, int protocol) {
        ByteBuffer record = ByteBuffer.allocate(48);
        record.put(address(source)).put(address(destination)).putLong(startMillis).putLong(endMillis)
                .putInt((int) octets).putInt((int) Math.max(1, octets / 900)).putInt(1).putInt(2)
                .putShort((short) sourcePort).putShort((short) destinationPort).put((byte) protocol)
                .put((byte) (protocol == 6 ? 0x1B : 0)).put((byte) 4).put((byte) 0);
        return record.array();
    }

    private static byte[] address(String literal) {
        String[] parts = literal.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static byte[] bytes(ExportMessage message) {
        ByteBuffer buffer = message.bytes();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private Counts counts() throws Exception {
        String flows = "homeshield.flowexport.flows";
        double decoded = 0;
        for (String outcome : List.of("mapped", "inbound", "unmapped-source", "unsupported-protocol",
                "without-addresses")) {
            decoded += metrics.count(flows, outcome);
        }
        return new Counts(decoded, metrics.count(flows, "mapped"), metrics.count(flows, "inbound"),
                metrics.count(flows, "applied"), metrics.count(flows, "dropped") + metrics.count(flows, "refused"),
                metrics.count("homeshield.flowexport.datagrams", "dropped"), metrics.dropped("handoff-lane-full"),
                metrics.dropped("refused"), decoded - metrics.count(flows, "mapped") - metrics.count(flows, "inbound"),
                appCpu(), databaseCpu());
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return -1;
        }
    }

    private static long appCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long databaseCpu(Map<Integer, Long> before, Map<Integer, Long> after) {
        if (before == null || after == null) {
            return -1;
        }
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** CPU time so far of this database's server processes, by process id (procfs); null where not readable. */
    private static Map<Integer, Long> databaseCpu() throws Exception {
        List<Integer> pids = QuarkusTransaction.requiringNew().call(() -> Alert.getEntityManager().createNativeQuery(
                "select pid from pg_stat_activity where datname = current_database()", Integer.class).getResultList());
        Map<Integer, Long> cpu = new HashMap<>();
        for (int pid : pids) {
            Path stat = Path.of("/proc", String.valueOf(pid), "stat");
            if (!Files.isReadable(stat)) {
                return null;
            }
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L);
        }
        return cpu;
    }
}
