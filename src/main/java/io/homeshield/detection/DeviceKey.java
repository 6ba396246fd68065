package io.homeshield.detection;

import java.util.UUID;

import io.homeshield.net.MacAddress;

/** One device behind one router: the same MAC behind two routers is two devices. */
record DeviceKey(UUID routerId, MacAddress mac) {

    static DeviceKey of(DeviceActivity activity) {
        return new DeviceKey(activity.routerId(), activity.device());
    }
}
