package io.tideway.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTimestampTest {
    @Test
    void formatsAsSparksPatternDoes() {
        assertEquals("1970-01-01T00:00:00.000Z", ProgressTimestamp.format(0));
        assertEquals("1969-12-31T23:59:59.999Z", ProgressTimestamp.format(-1));
        assertEquals("2023-11-14T22:13:20.123Z", ProgressTimestamp.format(1_700_000_000_123L));
        assertEquals("2000-02-29T00:00:00.000Z", ProgressTimestamp.format(951_782_400_000L));
    }
}
