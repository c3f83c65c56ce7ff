package io.tideway.engine.sink.file;

import io.tideway.engine.spi.Options;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Text forms of timestamps and dates in the sink's time zone ({@code timeZone} option, else the
 * JVM's): Spark's write defaults {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} and {@code yyyy-MM-dd}.
 * Immutable and thread-safe.
 */
final class ValueFormats {
    static final String TIME_ZONE = "timeZone";
    private final DateTimeFormatter timestamp;
    private final ZoneId zone;

    ValueFormats(Options options) {
        ZoneId zone;
        String tz = options.get(TIME_ZONE).orElse(null);
        try {
            zone = tz == null ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + tz + "' for option '" + TIME_ZONE + "': " + e.getMessage(), e);
        }
        this.zone = zone;
        this.timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(zone);
    }

    /** The sink's time zone. */
    ZoneId zone() {
        return zone;
    }

    String timestamp(long micros) {
        return timestamp.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L));
    }

    static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}
