package io.homeshield.activity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures;

class NewDevicesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private final Router router = new Router(new HouseholdId(java.util.UUID.randomUUID()), "SN-1", "HS-Box 7", "1.0",
            ManagementChannel.SIMULATED, null, NOW.minus(Duration.ofHours(5)));

    @Test
    void whatTheRouterReportsInItsFirstHourIsTheInventoryNotNews() {
        router.id = java.util.UUID.randomUUID();
        Device first = device(NOW.minus(Duration.ofHours(5)));
        Device sameHour = device(NOW.minus(Duration.ofHours(4).plusMinutes(10)));
        Device joinedLater = device(NOW.minus(Duration.ofHours(2)));
        NewDevices news = new NewDevices(List.of(first, sameHour, joinedLater), NOW.minus(Duration.ofHours(24)));
        assertFalse(news.isNew(first));
        assertFalse(news.isNew(sameHour));
        assertTrue(news.isNew(joinedLater));
    }

    @Test
    void aDeviceThatJoinedMoreThanADayAgoIsNoLongerNew() {
        router.id = java.util.UUID.randomUUID();
        Device first = device(NOW.minus(Duration.ofDays(5)));
        Device joined = device(NOW.minus(Duration.ofHours(30)));
        NewDevices news = new NewDevices(List.of(first, joined), NOW.minus(Duration.ofHours(24)));
        assertFalse(news.isNew(joined));
    }

    private Device device(Instant firstSeen) {
        return new Device(router, Fixtures.randomMac(), firstSeen);
    }
}
