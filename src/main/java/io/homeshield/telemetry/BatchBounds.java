package io.homeshield.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.problem.Problem;
import io.homeshield.wire.ConfigEvent;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;

/**
 * What a well-formed batch may still not claim: a flow carrying more bytes than the fastest link
 * carries in its duration (or more than the absolute per-flow cap), more packets than those bytes
 * make as minimum-size frames, and timestamps far in the future or older than a router keeps
 * telemetry. One pass over the events, no allocation unless something is wrong.
 */
@ApplicationScoped
class BatchBounds {

    /** The smallest Ethernet frame: no link carries more packets than its bytes divided by this. */
    static final long MIN_FRAME_BYTES = 64;

    private final TelemetryConfig config;
    private final Clock clock;

    BatchBounds(TelemetryConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The violations of the bounds, each naming its field; empty when the batch is within them. */
    List<Problem.Violation> violations(TelemetryBatch batch) {
        Instant now = clock.instant();
        Instant latest = now.plus(config.maxClockSkew());
        Instant earliest = now.minus(config.maxEventAge());
        List<Problem.Violation> out = null;
        out = time(out, "sentAt", batch.sentAt(), earliest, latest);
        List<TelemetryEvent> events = batch.events();
        for (int i = 0; i < events.size(); i++) {
            TelemetryEvent event = events.get(i);
            if (event instanceof FlowEvent flow) {
                out = flow(out, "events[" + i + "].", flow, earliest, latest);
            } else if (event instanceof DnsEvent dns) {
                out = time(out, "events[" + i + "].at", dns.at(), earliest, latest);
            } else if (event instanceof HostEvent host) {
                out = time(out, "events[" + i + "].at", host.at(), earliest, latest);
            } else if (event instanceof ConfigEvent change) {
                out = time(out, "events[" + i + "].at", change.at(), earliest, latest);
            }
        }
        return out == null ? List.of() : out;
    }

    private List<Problem.Violation> flow(List<Problem.Violation> out, String at, FlowEvent flow, Instant earliest,
            Instant latest) {
        long bytes = byteCeiling(flow.durationMs());
        long packets = bytes / MIN_FRAME_BYTES;
        out = counter(out, at + "bytesOut", flow.bytesOut(), bytes, "bytes", flow.durationMs());
        out = counter(out, at + "bytesIn", flow.bytesIn(), bytes, "bytes", flow.durationMs());
        out = counter(out, at + "packetsOut", flow.packetsOut(), packets, "packets", flow.durationMs());
        out = counter(out, at + "packetsIn", flow.packetsIn(), packets, "packets", flow.durationMs());
        return time(out, at + "start", flow.start(), earliest, latest);
    }

    /**
     * The most bytes a flow of this duration can carry at the configured line rate, plus the slack;
     * never more than the absolute per-flow cap. Without a duration only the cap applies.
     */
    long byteCeiling(Long durationMs) {
        if (durationMs == null) {
            return config.maxFlowBytes();
        }
        long bytesPerMilli = Math.max(1, config.lineRateBitsPerSecond() / 8 / 1000);
        long carried = durationMs > Long.MAX_VALUE / bytesPerMilli ? Long.MAX_VALUE : durationMs * bytesPerMilli;
        return Math.min(config.maxFlowBytes(), ActivityRollup.saturatedSum(carried, config.flowByteSlack()));
    }

    private static List<Problem.Violation> counter(List<Problem.Violation> out, String field, long value, long ceiling,
            String unit, Long durationMs) {
        if (value <= ceiling) {
            return out;
        }
        String reason = "claims " + value + " " + unit + "; a flow " + (durationMs == null ? "" : "of " + durationMs
                + " ms ") + "carries at most " + ceiling;
        return add(out, field, reason);
    }

    private static List<Problem.Violation> time(List<Problem.Violation> out, String field, Instant at, Instant earliest,
            Instant latest) {
        if (at == null) {
            return out;
        }
        if (at.isAfter(latest)) {
            return add(out, field, "is in the future (after " + latest + "); check the router's clock");
        }
        if (at.isBefore(earliest)) {
            return add(out, field, "is older than telemetry is accepted (before " + earliest + ")");
        }
        return out;
    }

    private static List<Problem.Violation> add(List<Problem.Violation> out, String field, String reason) {
        List<Problem.Violation> list = out == null ? new ArrayList<>() : out;
        list.add(new Problem.Violation(field, reason));
        return list;
    }
}
