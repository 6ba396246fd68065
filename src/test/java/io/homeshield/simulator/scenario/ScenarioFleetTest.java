package io.homeshield.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioFleetTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void theSameSeedGivesTheSameFleetAndTraffic() {
        assertEquals(firstBatches(7), firstBatches(7));
        assertTrue(!firstBatches(7).equals(firstBatches(8)));
    }

    @Test
    void infectionsStartOnTheSecondDayAndBatchesComeInTimeOrder() {
        ScenarioFleet fleet = new ScenarioFleet(3, 2, 1, START, Duration.ofDays(2));
        List<LabelledDevice> infected = fleet.devices().stream().filter(LabelledDevice::isInfected).toList();
        assertEquals(Infection.values().length, infected.size());
        for (LabelledDevice d : infected) {
            assertTrue(d.onset().isAfter(START.plus(Duration.ofDays(1)))
                    && d.onset().isBefore(START.plus(Duration.ofDays(2))));
        }
        Instant[] last = { START };
        fleet.play(batch -> {
            assertTrue(!batch.sentAt().isBefore(last[0]));
            last[0] = batch.sentAt();
            assertTrue(batch.events().size() > 0);
        });
    }

    private static List<RouterBatch> firstBatches(long seed) {
        List<RouterBatch> batches = new ArrayList<>();
        new ScenarioFleet(seed, 3, 0, START, Duration.ofHours(1)).play(batches::add);
        return batches.subList(0, 50);
    }
}
