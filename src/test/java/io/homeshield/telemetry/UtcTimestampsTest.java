package io.homeshield.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimestampsTest {

    @Test
    void readsWhatTheIsoReaderReads() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertEquals(Instant.parse(text), UtcTimestamps.read(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-22T10:15:30Z", "2024-02-29T23:59:59.999999999Z", "2000-02-29T00:00:00.1Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "0001-01-01T00:00:00Z" })
    void edgesOfTheCalendar(String text) {
        assertEquals(Instant.parse(text), UtcTimestamps.read(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-22T10:15:30+01:00", "2026-11-22t10:15:30z", "2026-11-22T24:00:00Z",
            "2016-12-31T23:59:60Z", "2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-22T10:15:30.Z",
            "2026-11-22T10:15:30.1234567890Z", " 2026-11-22T10:15:30Z", "2026-11-22T10:15Z", "2026-11-22 10:15:30Z",
            "+2026-11-22T10:15:30Z", "2026-11-22T10:15:30,5Z", "2026-1１-22T10:15:30Z", "1900-02-29T00:00:00Z" })
    void leavesEveryOtherFormToTheIsoReader(String text) {
        assertNull(UtcTimestamps.read(text));
    }
}
