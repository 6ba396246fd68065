package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class DestinationPopularityTest {

    private static final long DAY = 86_400_000L;
    private final DestinationPopularity popularity = new DestinationPopularity();
    private final long t0 = Traffic.T0.toEpochMilli();

    @Test
    void countsHouseholdsNotContacts() {
        long cloud = AddressBits.network("142.250.74.110");
        UUID router = UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            popularity.record(cloud, DestinationPopularity.routerBit(router), t0 + i);
        }
        assertEquals(1, popularity.households(cloud));
        assertTrue(popularity.isRare(cloud));
        for (int i = 0; i < 20; i++) {
            popularity.record(cloud, DestinationPopularity.routerBit(UUID.randomUUID()), t0);
        }
        assertTrue(popularity.households(cloud) >= 12, "about twenty: " + popularity.households(cloud));
        assertFalse(popularity.isRare(cloud));
        assertEquals(0, popularity.households(AddressBits.network("203.0.113.5")));
    }

    @Test
    void forgetsDestinationsNobodyContactedForTwoDays() {
        long server = AddressBits.network("198.51.100.4");
        for (int i = 0; i < 10; i++) {
            popularity.record(server, DestinationPopularity.routerBit(UUID.randomUUID()), t0);
        }
        popularity.record(AddressBits.network("198.51.100.5"), 1L, t0 + DAY);
        assertFalse(popularity.isRare(server), "yesterday still counts");
        popularity.record(AddressBits.network("198.51.100.5"), 1L, t0 + 2 * DAY);
        assertTrue(popularity.isRare(server));
    }
}
