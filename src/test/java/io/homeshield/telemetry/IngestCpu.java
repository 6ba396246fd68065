package io.homeshield.telemetry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.homeshield.alert.Alert;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * CPU used during a benchmark's measured stretch, split the way the ingest benchmarks report it:
 * the application by stage (from its threads' names), the load generator's own threads (never
 * counted as the application's), an in-process Kafka broker (a deployment runs it elsewhere), the
 * database's server processes (procfs), and the share of the machine its host gave to others.
 */
final class IngestCpu {

    /** Names of the load generator's threads start with this; the JDK HTTP client's own are counted with them. */
    static final String CLIENT_THREADS = "bench-client";
    static final String HTTP = "HTTP";
    static final String READ_CHECK = "read, check (and apply without lanes)";
    static final String LANES = "apply on writer lanes";
    static final String CONSUMERS = "detection consumers (Kafka)";
    static final String KAFKA_CLIENTS = "Kafka producer and consumer I/O";
    static final String OTHER = "other (GC, compiler, timers)";
    private static final String BROKER = "in-process Kafka broker";

    /** A reading at the start of a stretch. */
    record Start(Map<Integer, Long> database, long[] machine, Map<Long, ThreadCpu> threads, long app) {
    }

    /**
     * What a stretch used, in nanoseconds: {@code app} excludes the load generator ({@code client})
     * and an in-process broker ({@code broker}); {@code database} is -1 where procfs does not show
     * the database's processes; {@code stages} is the application's CPU by stage, zero stages left out.
     */
    record Use(long app, long client, long broker, long database, double stolen, Map<String, Long> stages,
            Map<String, Long> unnamed) {

        /** The threads of no named stage that used the most CPU (by name without their number), largest first. */
        String largestUnnamed(long events) {
            return unnamed.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e3 / events))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private record ThreadCpu(String name, long nanos) {
    }

    private IngestCpu() {
    }

    static Start start() throws Exception {
        Map<Integer, Long> database = databaseCpu();
        long[] machine = machineCpu();
        Map<Long, ThreadCpu> threads = threadCpu();
        return new Start(database, machine, threads, appCpu());
    }

    static Use since(Start start) throws Exception {
        long app = appCpu() - start.app();
        Map<Long, ThreadCpu> threads = threadCpu();
        Map<String, Long> stages = stages(start.threads(), threads);
        long client = stages.remove(CLIENT_THREADS);
        long broker = stages.remove(BROKER);
        app -= client + broker;
        stages.put(OTHER, Math.max(0, app - stages.values().stream().mapToLong(Long::longValue).sum()));
        stages.values().removeIf(cpu -> cpu == 0);
        Map<Integer, Long> after = databaseCpu();
        long database = after == null || start.database() == null ? -1
                : after.entrySet().stream()
                        .mapToLong(e -> e.getValue() - start.database().getOrDefault(e.getKey(), 0L)).sum();
        long[] machine = machineCpu();
        double stolen = (double) (machine[1] - start.machine()[1]) / Math.max(1, machine[0] - start.machine()[0]);
        return new Use(app, client, broker, database, stolen, stages, unnamed(start.threads(), threads));
    }

    /**
     * The machine's CPU time so far, all and stolen by the host (in ticks, from /proc/stat); zeros
     * where unreadable.
     */
    private static long[] machineCpu() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                all += Long.parseLong(fields[i]);
            }
            return new long[] { all, fields.length > 8 ? Long.parseLong(fields[8]) : 0 };
        } catch (Exception e) {
            return new long[] { 0, 0 };
        }
    }

    private static Map<Long, ThreadCpu> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> out = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    out.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), cpu));
                }
            }
        }
        return out;
    }

    /**
     * CPU of the stretch by stage, from the threads' names: HTTP (Vert.x event loops: connections,
     * request bodies), read, check and apply on the worker threads (apply there only without group
     * commit), apply on the writer lanes, the detection consumers and the Kafka clients' I/O threads,
     * the load generator's threads and an in-process broker's. Threads that ended during the
     * stretch are missed; they show in "other".
     */
    private static Map<String, Long> stages(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String stage : List.of(HTTP, READ_CHECK, LANES, CONSUMERS, KAFKA_CLIENTS, CLIENT_THREADS, BROKER)) {
            out.put(stage, 0L);
        }
        after.forEach((id, cpu) -> {
            long used = cpu.nanos() - (before.containsKey(id) ? before.get(id).nanos() : 0);
            String stage = stageOf(cpu.name());
            if (stage != null) {
                out.merge(stage, used, Long::sum);
            }
        });
        return out;
    }

    private static Map<String, Long> unnamed(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((id, cpu) -> {
            if (stageOf(cpu.name()) == null) {
                long used = cpu.nanos() - (before.containsKey(id) ? before.get(id).nanos() : 0);
                out.merge(cpu.name().replaceAll("[-#_ ]?[0-9]+$", ""), used, Long::sum);
            }
        });
        return out;
    }

    private static String stageOf(String name) {
        if (name.startsWith(CLIENT_THREADS) || name.startsWith("HttpClient")) {
            return CLIENT_THREADS;
        }
        if (name.startsWith("vert.x-eventloop")) {
            return HTTP;
        }
        if (name.startsWith("executor-thread")) {
            return READ_CHECK;
        }
        if (name.startsWith("ingest-lane")) {
            return LANES;
        }
        if (name.startsWith("detection-")) {
            return CONSUMERS;
        }
        if (name.startsWith("kafka-producer-network-thread") || name.startsWith("kafka-coordinator-heartbeat-thread")) {
            return KAFKA_CLIENTS;
        }
        return isBroker(name) ? BROKER : null;
    }

    /** The thread names of a Kafka 4 broker and controller (KRaft) running in this JVM. */
    private static boolean isBroker(String name) {
        return name.startsWith("data-plane-kafka") || name.startsWith("kafka-request-handler")
                || name.startsWith("kafka-network-thread") || name.startsWith("kafka-scheduler")
                || name.startsWith("kafka-log-cleaner") || name.startsWith("ExpirationReaper")
                || name.startsWith("quorum-controller") || name.startsWith("kafka-0-raft")
                || name.startsWith("raft-") || name.startsWith("broker-") || name.startsWith("controller-")
                || name.startsWith("group-coordinator") || name.startsWith("share-coordinator")
                || name.startsWith("transaction-log-manager") || name.startsWith("LogDirFailureHandler")
                || name.startsWith("ReplicaFetcherThread") || name.startsWith("TxnMarkerSenderThread")
                || name.startsWith("kafka-");
    }

    private static long appCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time so far of this database's server processes, by process id, read from procfs; null
     * where the database runs elsewhere or procfs is not readable.
     */
    private static Map<Integer, Long> databaseCpu() throws Exception {
        List<Integer> pids = QuarkusTransaction.requiringNew().call(() -> Alert.getEntityManager().createNativeQuery(
                "select pid from pg_stat_activity where datname = current_database()", Integer.class).getResultList());
        Map<Integer, Long> cpu = new HashMap<>();
        for (int pid : pids) {
            Path stat = Path.of("/proc", String.valueOf(pid), "stat");
            String line;
            try {
                line = Files.readString(stat);
            } catch (java.nio.file.NoSuchFileException ended) {
                if (Files.isDirectory(Path.of("/proc", "self"))) {
                    continue; // a backend that ended since the list was taken
                }
                return null;
            } catch (java.io.IOException unreadable) {
                return null;
            }
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms
            cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L);
        }
        // none of its processes on this machine: the database runs elsewhere
        return cpu.isEmpty() ? null : cpu;
    }
}
