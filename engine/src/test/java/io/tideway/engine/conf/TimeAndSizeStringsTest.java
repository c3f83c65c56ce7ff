package io.tideway.engine.conf;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Spark's time and size strings, with Spark 4.0.4's error text. */
class TimeAndSizeStringsTest {
    @Test
    void timeStringsAsSpark() {
        assertEquals(10, TimeStrings.parse("10ms", TimeUnit.MILLISECONDS));
        assertEquals(2000, TimeStrings.parse("2s", TimeUnit.MILLISECONDS));
        assertEquals(60_000, TimeStrings.parse("1min", TimeUnit.MILLISECONDS));
        assertEquals(60_000, TimeStrings.parse(" 1M ", TimeUnit.MILLISECONDS));
        assertEquals(3_600_000, TimeStrings.parse("1h", TimeUnit.MILLISECONDS));
        assertEquals(86_400_000, TimeStrings.parse("1d", TimeUnit.MILLISECONDS));
        assertEquals(0, TimeStrings.parse("250us", TimeUnit.MILLISECONDS));
        assertEquals(5, TimeStrings.parse("5", TimeUnit.MILLISECONDS), "a bare number is in the setting's unit");
        assertEquals(-5, TimeStrings.parse("-5", TimeUnit.MILLISECONDS));
        NumberFormatException e = assertThrows(NumberFormatException.class,
                () -> TimeStrings.parse("1 minute", TimeUnit.MILLISECONDS));
        assertEquals("Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or min), "
                + "hour (h), or day (d). E.g. 50s, 100ms, or 250us.\nFailed to parse time string: 1 minute", e.getMessage());
        NumberFormatException suffix = assertThrows(NumberFormatException.class,
                () -> TimeStrings.parse("5x", TimeUnit.MILLISECONDS));
        assertEquals(TimeStrings.TIME_ERROR + "\nInvalid suffix: \"x\"", suffix.getMessage());
    }

    @Test
    void sizeStringsAsSpark() {
        assertEquals(512, ByteStrings.parse("512"));
        assertEquals(16 * 1024, ByteStrings.parse("16k"));
        assertEquals(64L << 20, ByteStrings.parse("64m"));
        assertEquals(64L << 20, ByteStrings.parse("64MB"));
        assertEquals(1L << 30, ByteStrings.parse("1g"));
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> ByteStrings.parse("abc"));
        assertEquals("Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), "
                + "or pebibytes(p). E.g. 50b, 100k, or 250m.\nFailed to parse byte string: abc", e.getMessage());
        NumberFormatException frac = assertThrows(NumberFormatException.class, () -> ByteStrings.parse("1.5m"));
        assertEquals(ByteStrings.SIZE_ERROR + "\nFractional values are not supported. Input was: 1.5m", frac.getMessage());
    }

    @Test
    void timeSettingsReadTimeStrings() {
        assertEquals(10L, TidewayConf.POLLING_DELAY.parse("10ms"));
        assertEquals(2000L, TidewayConf.POLLING_DELAY.parse("2s"));
        assertEquals(10L, TidewayConf.POLLING_DELAY.parse("10"), "a bare number is milliseconds, as in Spark");
        assertEquals(60_000L, TidewayConf.MAINTENANCE_INTERVAL.parse("1min"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TidewayConf.POLLING_DELAY.parse("soon"));
        assertEquals("'soon' in spark.sql.streaming.pollingDelay is invalid. " + TimeStrings.TIME_ERROR
                + "\nFailed to parse time string: soon", e.getMessage());
    }

    @Test
    void sizeSettingsReadSizeStrings() {
        assertEquals(16_384L, TidewayConf.SLOT_BYTES.parse("16k"));
        assertEquals(1L << 20, TidewayConf.SLOT_BYTES.parse("1m"));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> TidewayConf.SLOT_BYTES.parse("32b"));
        assertEquals("'32b' in tideway.continuous.slotBytes is invalid. must be at least 64 and below 2g", small.getMessage());
    }
}
