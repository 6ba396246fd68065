package io.homeshield.telemetry.flowexport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.homeshield.wire.FlowEvent;

/** Gathers flows per router until a batch is full or the interval ends. Used by one thread. */
final class RouterFlowBatches {

    private final Map<UUID, List<FlowEvent>> open = new HashMap<>();
    private final int maxFlows;
    private final BiConsumer<UUID, List<FlowEvent>> ready;

    RouterFlowBatches(int maxFlows, BiConsumer<UUID, List<FlowEvent>> ready) {
        this.maxFlows = maxFlows;
        this.ready = ready;
    }

    void add(UUID routerId, FlowEvent flow) {
        List<FlowEvent> flows = open.computeIfAbsent(routerId, id -> new ArrayList<>());
        flows.add(flow);
        if (flows.size() >= maxFlows) {
            open.remove(routerId);
            ready.accept(routerId, flows);
        }
    }

    void flush() {
        open.forEach(ready);
        open.clear();
    }
}
