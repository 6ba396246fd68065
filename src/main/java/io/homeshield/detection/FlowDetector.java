package io.homeshield.detection;

import java.util.List;
import java.util.function.Consumer;

import io.homeshield.alert.Finding;
import io.homeshield.wire.FlowEvent;

/** A detector that judges a device's connections: it is handed the batch's flows, and only when there are some. */
interface FlowDetector extends Detector {

    @Override
    default void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        List<FlowEvent> flows = activity.flows();
        if (!flows.isEmpty()) {
            inspectFlows(activity, flows, findings);
        }
    }

    /** Looks at the device's flows ({@code activity.flows()}, never empty), indexed as its destinations are. */
    void inspectFlows(DeviceActivity activity, List<FlowEvent> flows, Consumer<Finding> findings);
}
