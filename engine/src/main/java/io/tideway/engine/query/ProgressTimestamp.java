package io.tideway.engine.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Spark's progress and watermark timestamp text, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC.
 * Formatted on query threads only (a continuous query builds its progress there, not on its
 * epoch coordinator), so {@link DateTimeFormatter}'s cost does not matter.
 *
 * <p>Threading: stateless.
 */
public final class ProgressTimestamp {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ProgressTimestamp() {
    }

    /** Now, from the wall clock. */
    public static String now() {
        return format(System.currentTimeMillis());
    }

    /** {@code epochMillis} (ms since 1970-01-01T00:00Z) as {@code 2026-11-24T20:05:20.123Z}. */
    public static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }
}
