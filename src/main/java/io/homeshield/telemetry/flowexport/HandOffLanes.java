package io.homeshield.telemetry.flowexport;

import io.homeshield.wire.TelemetryBatch;

/**
 * Hands routers' batches to the pipeline on several lanes at once. A router always goes through the
 * same lane (by its id), so its batches keep their order while other routers' are applied beside them.
 */
final class HandOffLanes {

    private final HandOffLane[] lanes;
    private final FlowExportMetrics metrics;
    private final FlowExportDrops drops;

    HandOffLanes(int lanes, int maxPendingFlows, long retryDelayMillis, FlowBatchSink sink, FlowExportMetrics metrics,
            FlowExportDrops drops) {
        this.metrics = metrics;
        this.drops = drops;
        this.lanes = new HandOffLane[Math.max(1, lanes)];
        int share = Math.max(1, maxPendingFlows / this.lanes.length);
        for (int i = 0; i < this.lanes.length; i++) {
            this.lanes[i] = new HandOffLane(share, retryDelayMillis, sink, metrics, drops);
        }
    }

    void start() {
        for (int i = 0; i < lanes.length; i++) {
            lanes[i].start("flow-export-handoff-" + (i + 1));
        }
    }

    void stop() {
        for (HandOffLane lane : lanes) {
            lane.stop();
        }
    }

    /** Queues the batch on its router's lane; when that lane is full the batch is dropped, counted and logged. */
    boolean offer(TelemetryBatch batch) {
        if (lanes[Math.floorMod(batch.routerId().hashCode(), lanes.length)].offer(batch)) {
            return true;
        }
        metrics.flows("dropped", batch.events().size());
        drops.dropped(FlowExportDrops.Reason.HANDOFF_LANE_FULL, batch.events().size());
        return false;
    }

    int pendingFlows() {
        int pending = 0;
        for (HandOffLane lane : lanes) {
            pending += lane.pendingFlows();
        }
        return pending;
    }
}
