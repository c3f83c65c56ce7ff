package io.tideway.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProgressTimestampTest {
    static String reference(long ms) {
        return ProgressTimestamp.FORMAT.format(Instant.ofEpochMilli(ms));
    }

    @Test
    void formatsAsSparksPatternDoes() {
        assertEquals("1970-01-01T00:00:00.000Z", ProgressTimestamp.format(0));
        assertEquals("2023-11-14T22:13:20.123Z", ProgressTimestamp.format(1_700_000_000_123L));
        long[] edges = {-1, 1, 86_399_999, 86_400_000, 951_782_400_000L /* 2000-02-29 */, 4_107_542_399_999L /* 2100-02-28 end */,
            -62_135_596_800_000L /* 0001-01-01 */, 253_402_300_799_999L /* 9999-12-31 end */};
        for (long ms : edges) {
            assertEquals(reference(ms), ProgressTimestamp.format(ms), "at " + ms);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long ms = random.nextLong(-62_135_596_800_000L, 253_402_300_800_000L);
            assertEquals(reference(ms), ProgressTimestamp.format(ms), "at " + ms);
        }
    }

    @Test
    void yearsOutsideFourDigitsGoThroughTheFormatter() {
        for (long ms : new long[] {-62_135_596_800_001L, 253_402_300_800_000L, Long.MAX_VALUE / 1000, Long.MIN_VALUE / 1000}) {
            assertEquals(reference(ms), ProgressTimestamp.format(ms), "at " + ms);
        }
    }
}
