package io.tideway.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProgressTimestampTest {
    private static final DateTimeFormatter SPARK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsAsSparksPatternDoes() {
        assertEquals("1970-01-01T00:00:00.000Z", ProgressTimestamp.format(0));
        assertEquals("1969-12-31T23:59:59.999Z", ProgressTimestamp.format(-1));
        assertEquals("2023-11-14T22:13:20.123Z", ProgressTimestamp.format(1_700_000_000_123L));
        assertEquals("2000-02-29T00:00:00.000Z", ProgressTimestamp.format(951_782_400_000L));
    }

    @Test
    void agreesWithTheFormatterAtEveryKindOfInstant() {
        long first = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        long[] edges = {first, first - 1, last, last + 1, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4,
                Instant.parse("1900-03-01T00:00:00Z").toEpochMilli() - 1, Instant.parse("2100-02-28T23:59:59.999Z").toEpochMilli(),
                Instant.parse("2400-02-29T12:00:00Z").toEpochMilli()};
        for (long ms : edges) {
            assertEquals(SPARK.format(Instant.ofEpochMilli(ms)), ProgressTimestamp.format(ms), "at " + ms);
        }
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 200_000; i++) {
            long ms = random.nextLong(first - 86_400_000L * 800, last + 86_400_000L * 800);
            assertEquals(SPARK.format(Instant.ofEpochMilli(ms)), ProgressTimestamp.format(ms), "at " + ms);
        }
    }
}
