package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.net.MacAddress;

class DeviceStatesTest {

    @Test
    void stateIsPerRouterAndDeviceAndBoundedDroppingTheIdleFirst() {
        DeviceStates<Object> states = new DeviceStates<>(640);
        UUID router = UUID.randomUUID();
        DeviceActivity busy = DeviceActivity.empty(router, Traffic.CAMERA, Traffic.T0);
        Object busyState = states.of(busy, Object::new);
        assertSame(busyState, states.of(busy, Object::new));
        assertNotSame(busyState, states.of(DeviceActivity.empty(UUID.randomUUID(), Traffic.CAMERA, Traffic.T0),
                Object::new));

        List<DeviceActivity> others = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            others.add(DeviceActivity.empty(router,
                    MacAddress.of(String.format("02:00:00:00:%02X:%02X", i / 256, i % 256)),
                    Traffic.T0));
            states.of(others.get(i), Object::new);
            states.of(busy, Object::new);
        }
        assertTrue(states.size() <= 640, "at most the capacity: " + states.size());
        assertSame(busyState, states.of(busy, Object::new), "the device active all along is kept");
        Object[] fresh = new Object[1];
        states.of(others.get(0), () -> fresh[0] = new Object());
        assertEquals(fresh[0] != null, true, "an idle device was dropped and starts afresh");
    }
}
