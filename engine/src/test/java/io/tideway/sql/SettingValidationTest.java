package io.tideway.sql;

import io.tideway.engine.conf.TidewayConf;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A bad value of a setting Tideway reads fails where it is given ({@code conf().set}, the builder's
 * {@code config}, a defaults file or system property at {@code getOrCreate}), naming key and value in
 * Spark 4.0.4's words; a good one reads as Spark reads it.
 */
class SettingValidationTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate().newSession();

    private String setFails(String key, String value) {
        return assertThrows(IllegalArgumentException.class, () -> spark.conf().set(key, value)).getMessage();
    }

    @Test
    void intSettingsAsSpark() {
        assertEquals("'0' in spark.sql.shuffle.partitions is invalid. The value of spark.sql.shuffle.partitions must be positive",
                setFails("spark.sql.shuffle.partitions", "0"));
        assertEquals("'-1' in spark.sql.shuffle.partitions is invalid. The value of spark.sql.shuffle.partitions must be positive",
                setFails("spark.sql.shuffle.partitions", "-1"));
        assertEquals("spark.sql.shuffle.partitions should be int, but was abc", setFails("spark.sql.shuffle.partitions", "abc"));
        spark.conf().set("spark.sql.shuffle.partitions", " 7 ");
        assertEquals(" 7 ", spark.conf().get("spark.sql.shuffle.partitions"), "kept as given, as Spark keeps it");
        assertEquals(7, TidewayConf.SHUFFLE_PARTITIONS.get(spark.conf()));
        assertEquals("'0' in spark.sql.streaming.minBatchesToRetain is invalid. minBatchesToRetain has to be positive",
                setFails("spark.sql.streaming.minBatchesToRetain", "0"));
        assertEquals("'-1' in spark.sql.streaming.minBatchesToRetain is invalid. minBatchesToRetain has to be positive",
                setFails("spark.sql.streaming.minBatchesToRetain", "-1"));
        assertEquals("'1000' in tideway.continuous.ringSize is invalid. must be a power of two, at least 2",
                setFails("tideway.continuous.ringSize", "1000"));
        assertEquals(100, TidewayConf.MIN_BATCHES_TO_RETAIN.get(spark.conf()), "the failed sets changed nothing");
    }

    @Test
    void booleanSettingsAsSpark() {
        assertEquals("spark.sql.streaming.noDataMicroBatches.enabled should be boolean, but was yes",
                setFails("spark.sql.streaming.noDataMicroBatches.enabled", "yes"));
        assertEquals("spark.sql.ansi.enabled should be boolean, but was 1", setFails("spark.sql.ansi.enabled", "1"));
        spark.conf().set("spark.sql.streaming.noDataMicroBatches.enabled", " FALSE ");
        assertEquals(false, TidewayConf.NO_DATA_MICRO_BATCHES.get(spark.conf()));
        spark.conf().set("spark.sql.ansi.enabled", " False ");
        assertEquals("false", TidewayConf.reader(spark.conf()).apply("spark.sql.ansi.enabled"),
                "the expression context reads the canonical value");
    }

    @Test
    void timeStringSettingsAsSpark() {
        spark.conf().set("spark.sql.streaming.pollingDelay", "10ms");
        assertEquals(10L, TidewayConf.POLLING_DELAY.get(spark.conf()));
        spark.conf().set("spark.sql.streaming.stopTimeout", "2s");
        assertEquals(2000L, TidewayConf.STOP_TIMEOUT.get(spark.conf()));
        spark.conf().set("spark.sql.streaming.noDataProgressEventInterval", "1min");
        assertEquals(60_000L, TidewayConf.NO_DATA_PROGRESS_INTERVAL.get(spark.conf()));
        String bad = setFails("spark.sql.streaming.stateStore.maintenanceInterval", "1 minute");
        assertEquals("'1 minute' in spark.sql.streaming.stateStore.maintenanceInterval is invalid. Time must be specified as "
                + "seconds (s), milliseconds (ms), microseconds (us), minutes (m or min), hour (h), or day (d). "
                + "E.g. 50s, 100ms, or 250us.\nFailed to parse time string: 1 minute", bad);
        assertEquals(10L, TidewayConf.POLLING_DELAY.get(Map.of()), "Spark's default, 10ms");
    }

    @Test
    void choiceAndZoneSettingsAsSpark() {
        assertEquals("'avg' in spark.sql.streaming.multipleWatermarkPolicy is invalid. Invalid value for "
                + "'spark.sql.streaming.multipleWatermarkPolicy'. Valid values are 'min' and 'max'",
                setFails("spark.sql.streaming.multipleWatermarkPolicy", "avg"));
        spark.conf().set("spark.sql.streaming.multipleWatermarkPolicy", "MAX");
        assertEquals("max", TidewayConf.MULTIPLE_WATERMARK_POLICY.get(spark.conf()));
        assertEquals("[INVALID_CONF_VALUE.TIME_ZONE] The value 'Mars/Base' in the config \"spark.sql.session.timeZone\" "
                + "is invalid. Cannot resolve the given timezone. SQLSTATE: 22022",
                setFails("spark.sql.session.timeZone", "Mars/Base"));
        spark.conf().set("spark.sql.session.timeZone", "+5:00");
        assertEquals("+05:00", TidewayConf.SESSION_TIME_ZONE.get(spark.conf()).getId());
        assertEquals("'-1' in tideway.continuous.spinWindowMicros is invalid. must be auto or at least 0",
                setFails("tideway.continuous.spinWindowMicros", "-1"));
        spark.conf().set("tideway.continuous.spinWindowMicros", "AUTO");
        assertEquals(-1, TidewayConf.SPIN_WINDOW_MICROS.get(spark.conf()));
        assertEquals("'sometimes' in tideway.continuous.waitStrategy is invalid. Valid values are busy-spin, yielding, "
                + "backoff, blocking", setFails("tideway.continuous.waitStrategy", "sometimes"));
    }

    @Test
    void builderConfigValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TidewaySession.builder().config("spark.sql.shuffle.partitions", 0));
        assertEquals("'0' in spark.sql.shuffle.partitions is invalid. The value of spark.sql.shuffle.partitions must be positive",
                e.getMessage());
    }

    @Test
    void validatedAgainAsAWhole() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TidewayConf.validateAll(
                Map.of("spark.sql.streaming.minBatchesToRetain", "0")));
        assertEquals("'0' in spark.sql.streaming.minBatchesToRetain is invalid. minBatchesToRetain has to be positive",
                e.getMessage());
    }

    @Test
    void defaultsAndSystemPropertiesInSparksPrecedence() {
        TidewaySession previous = TidewaySession.getActiveSession() // the session the builder would return
                .getOrElse(() -> TidewaySession.getDefaultSession().getOrElse(() -> null));
        if (previous != null) {
            previous.stop();
        }
        Map<String, String> defaults = Map.of("spark.sql.shuffle.partitions", "7", "spark.sql.streaming.pollingDelay", "5ms");
        TidewaySession s = TidewaySession.builder().config("spark.sql.streaming.pollingDelay", "20ms").getOrCreate(defaults);
        assertEquals(7, TidewayConf.SHUFFLE_PARTITIONS.get(s.conf()), "from the defaults");
        assertEquals(20L, TidewayConf.POLLING_DELAY.get(s.conf()), "the builder's config wins");
        assertEquals("7", s.newSession().conf().get("spark.sql.shuffle.partitions"), "a new session starts from them too");
        s.stop();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TidewaySession.builder()
                .getOrCreate(Map.of("spark.sql.shuffle.partitions", "abc")));
        assertEquals("spark.sql.shuffle.partitions should be int, but was abc", e.getMessage());
    }

    @Test
    void systemPropertyHonouredBelowTheBuilder() {
        TidewaySession previous = TidewaySession.getActiveSession() // the session the builder would return
                .getOrElse(() -> TidewaySession.getDefaultSession().getOrElse(() -> null));
        if (previous != null) {
            previous.stop();
        }
        System.setProperty("spark.sql.shuffle.partitions", "7");
        System.setProperty("tideway.continuous.rowsPerSlot", "8");
        try {
            TidewaySession s = TidewaySession.builder().config("tideway.continuous.rowsPerSlot", "16").getOrCreate();
            assertEquals(7, TidewayConf.SHUFFLE_PARTITIONS.get(s.conf()), "-Dspark.sql.shuffle.partitions=7");
            assertEquals(16, TidewayConf.ROWS_PER_SLOT.get(s.conf()), "config(...) wins over -D, as in Spark");
            s.stop();
            System.setProperty("spark.sql.shuffle.partitions", "0");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TidewaySession.builder().getOrCreate());
            assertEquals("'0' in spark.sql.shuffle.partitions is invalid. The value of spark.sql.shuffle.partitions must be "
                    + "positive", e.getMessage());
        } finally {
            System.clearProperty("spark.sql.shuffle.partitions");
            System.clearProperty("tideway.continuous.rowsPerSlot");
        }
    }
}
