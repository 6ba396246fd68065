package io.homeshield.detection;

import java.util.function.Consumer;

import io.homeshield.alert.Finding;

/** Looks at one device's activity and reports what is suspicious about it. */
public interface Detector {

    void inspect(DeviceActivity activity, Consumer<Finding> findings);
}
