package io.homeshield.telemetry.flowexport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.homeshield.net.IpAddress;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Receives IPFIX and NetFlow v9 export datagrams from routers. One thread only receives (so the
 * socket buffer drains quickly), one decodes and maps flows to devices, and the sender's lanes hand
 * per-router batches to the telemetry pipeline side by side. What cannot be kept up with is dropped
 * and reported through {@link FlowExportDrops}, including what the kernel dropped from the socket.
 */
@ApplicationScoped
class FlowCollector {

    private static final int MAX_DATAGRAM = 65_535;

    private record Datagram(InetSocketAddress from, ByteBuffer data) {
    }

    private final FlowExportConfig config;
    private final FlowMapping mapping;
    private final FlowBatchSender sender;
    private final FlowExportMetrics metrics;
    private final FlowExportDrops drops;
    private ArrayBlockingQueue<Datagram> datagrams;
    private DatagramChannel channel;
    private volatile boolean running;
    private Thread receiver;
    private Thread processor;
    private long kernelDropsSeen;

    FlowCollector(FlowExportConfig config, FlowMapping mapping, FlowBatchSender sender, FlowExportMetrics metrics,
            FlowExportDrops drops) {
        this.config = config;
        this.mapping = mapping;
        this.sender = sender;
        this.metrics = metrics;
        this.drops = drops;
    }

    void start(@Observes StartupEvent started) throws IOException {
        if (!config.enabled()) {
            return;
        }
        datagrams = new ArrayBlockingQueue<>(config.maxQueuedDatagrams());
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
        channel.bind(new InetSocketAddress(config.host(), config.port()));
        kernelDropsSeen = SocketDrops.onPort(port()).orElse(0);
        int buffer = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        if (buffer < config.receiveBufferBytes()) {
            Log.warnf("Flow export: the kernel granted a receive buffer of %d bytes, not %d; raise net.core.rmem_max"
                    + " or bursts of export datagrams will be lost", buffer, config.receiveBufferBytes());
        }
        running = true;
        sender.start();
        receiver = thread("flow-export-receiver", this::receive);
        processor = thread("flow-export-decoder", this::process);
        Log.infof("Flow export collector (IPFIX, NetFlow v9) listening on UDP %s", channel.getLocalAddress());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (channel == null) {
            return;
        }
        running = false;
        try {
            channel.close();
        } catch (IOException e) {
            Log.debug("Flow export socket did not close cleanly", e);
        }
        processor.interrupt();
        sender.stop();
    }

    /** Counts what the kernel dropped for the socket since the last look (its receive buffer was full). */
    @Scheduled(every = "${homeshield.telemetry.flow-export.drop-log-check:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void countKernelDrops() throws IOException {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        OptionalLong total = SocketDrops.onPort(port());
        if (total.isPresent() && total.getAsLong() > kernelDropsSeen) {
            long dropped = total.getAsLong() - kernelDropsSeen;
            kernelDropsSeen = total.getAsLong();
            drops.dropped(FlowExportDrops.Reason.RECEIVE_BUFFER_FULL, dropped);
        }
    }

    /** The UDP port the collector listens on (useful when configured as 0). */
    int port() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (running) {
            try {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                buffer.flip();
                ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
                copy.put(buffer).flip();
                if (!datagrams.offer(new Datagram(from, copy))) {
                    metrics.datagram("dropped");
                    drops.dropped(FlowExportDrops.Reason.DATAGRAM_QUEUE_FULL, 1);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                Log.warn("Flow export socket failed to receive", e);
            }
        }
    }

    private void process() {
        FlowExportDecoder decoder = new FlowExportDecoder(config.maxExporterSessions(),
                config.maxSetsAwaitingTemplate(), config.maxSessionsPerExporter(), config.maxTemplatesPerSession());
        UnknownSources unknown = new UnknownSources(config.unknownSourceLogInterval().toMillis(),
                config.maxUnknownSourcesLogged(), config.maxRememberedAddresses());
        RouterFlowBatches batches = new RouterFlowBatches(config.maxFlowsPerBatch(), sender::offer);
        long interval = config.batchInterval().toNanos();
        long nextFlush = System.nanoTime() + interval;
        while (running) {
            try {
                Datagram datagram = datagrams.poll(Math.max(0, nextFlush - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (datagram != null) {
                    handle(decoder, unknown, batches, datagram);
                }
                if (System.nanoTime() >= nextFlush) {
                    batches.flush();
                    nextFlush = System.nanoTime() + interval;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Log.warn("Flow export datagram could not be handled", e);
            }
        }
    }

    private void handle(FlowExportDecoder decoder, UnknownSources unknown, RouterFlowBatches batches,
            Datagram datagram) {
        IpAddress exporter = IpAddress.of(withoutScope(datagram.from().getAddress().getHostAddress()));
        UUID routerId = mapping.routerAt(exporter);
        if (routerId == null) {
            // Nothing of an unregistered source is decoded or kept: no templates, no sessions.
            metrics.datagram("unknown-exporter");
            unknown.seen(exporter, System.currentTimeMillis());
            return;
        }
        DecodedDatagram decoded;
        try {
            decoded = decoder.decode(datagram.from(), datagram.data());
        } catch (MalformedExportException e) {
            metrics.datagram("malformed");
            Log.debugf("Flow export datagram from %s ignored: %s", exporter, e.getMessage());
            return;
        }
        metrics.datagram("decoded");
        metrics.templates(decoded.templates);
        metrics.templatesRefused(decoded.templatesRefused);
        metrics.setsAwaitingTemplate("held", decoded.setsAwaitingTemplate);
        metrics.setsAwaitingTemplate("dropped", decoded.setsDropped);
        metrics.flows("without-addresses", decoded.recordsSkipped);
        mapping.toDevices(routerId, decoded.flows, batches);
    }

    private static String withoutScope(String address) {
        int scope = address.indexOf('%');
        return scope < 0 ? address : address.substring(0, scope);
    }

    private static Thread thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
