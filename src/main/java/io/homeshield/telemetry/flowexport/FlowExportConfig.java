package io.homeshield.telemetry.flowexport;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The IPFIX / NetFlow v9 collector: off unless a provider turns it on. */
@ConfigMapping(prefix = "homeshield.telemetry.flow-export")
interface FlowExportConfig {

    @WithDefault("false")
    boolean enabled();

    /** Address to listen on. */
    @WithDefault("0.0.0.0")
    String host();

    /** UDP port; 4739 is IPFIX's registered port, 0 picks a free one. */
    @WithDefault("4739")
    int port();

    /** Socket receive buffer: bursts of export datagrams are lost in the kernel when it is small. */
    @WithDefault("8388608")
    int receiveBufferBytes();

    /** Datagrams waiting to be decoded; beyond this they are dropped and counted. */
    @WithDefault("8192")
    int maxQueuedDatagrams();

    /** Flows per batch handed to the pipeline (at most the pipeline's events per batch). */
    @WithDefault("2000")
    int maxFlowsPerBatch();

    /** How long flows of a router are gathered before they go to the pipeline as one batch. */
    @WithDefault("2s")
    Duration batchInterval();

    /** Flows waiting for the pipeline (while it is full); beyond this new flows are dropped and counted. */
    @WithDefault("200000")
    int maxPendingFlows();

    /**
     * Threads handing batches to the pipeline at the same time. Each router's batches always go
     * through the same lane (by the router's id), so they are applied in the order their flows came;
     * each lane may hold its share of {@link #maxPendingFlows()}.
     */
    @WithDefault("4")
    int handOffLanes();

    /** At most one log line per interval sums up what was dropped (the first drop after a quiet interval at once). */
    @WithDefault("1m")
    Duration dropLogInterval();

    /** The admins' configuration page warns while the last drop is more recent than this. */
    @WithDefault("1h")
    Duration dropAlertWindow();

    /** Wait before offering a batch again when the pipeline is full or failed. */
    @WithDefault("1s")
    Duration retryDelay();

    /** Data sets kept per exporter session until their template arrives. */
    @WithDefault("32")
    int maxSetsAwaitingTemplate();

    /** Exporter sessions whose templates are remembered. */
    @WithDefault("100000")
    int maxExporterSessions();

    /** Sessions (source ports, observation domains) remembered per exporter address. */
    @WithDefault("16")
    int maxSessionsPerExporter();

    /** Template ids remembered per exporter session; further ones are ignored and counted. */
    @WithDefault("256")
    int maxTemplatesPerSession();

    /** Exporter addresses whose router (or whose absence from the registry) is remembered. */
    @WithDefault("100000")
    int maxRememberedAddresses();

    /** How often datagrams from one unregistered source may be logged. */
    @WithDefault("1m")
    Duration unknownSourceLogInterval();

    /** Unregistered sources named in the log per interval; the rest are summed up in one line. */
    @WithDefault("20")
    int maxUnknownSourcesLogged();

    /** How long exporter → router and host-table lookups are cached. */
    @WithDefault("60s")
    Duration lookupCacheTtl();
}
