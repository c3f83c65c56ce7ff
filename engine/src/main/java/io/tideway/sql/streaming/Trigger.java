package io.tideway.sql.streaming;

import io.tideway.engine.util.Durations;

import java.util.concurrent.TimeUnit;

/**
 * When a streaming query runs, mirroring Spark's {@code Trigger}: as fast as possible (default),
 * on a fixed interval, once, until all available data is processed, or continuously with an
 * epoch interval. Immutable.
 */
public abstract class Trigger {

    public static Trigger ProcessingTime(long intervalMs) {
        return new ProcessingTimeTrigger(checkInterval(intervalMs));
    }

    public static Trigger ProcessingTime(long interval, TimeUnit unit) {
        return ProcessingTime(unit.toMillis(interval));
    }

    /** {@code ProcessingTime("10 seconds")}. */
    public static Trigger ProcessingTime(String interval) {
        return ProcessingTime(Durations.parseInterval(interval));
    }

    /** {@code ProcessingTime(Duration.apply(10, TimeUnit.SECONDS))}, Spark's Scala-duration form. */
    public static Trigger ProcessingTime(scala.concurrent.duration.Duration interval) {
        return ProcessingTime(interval.toMillis());
    }

    /** Deprecated in Spark 3.4 in favour of {@link #AvailableNow()}; still supported. */
    public static Trigger Once() {
        return OneTimeTrigger.INSTANCE;
    }

    public static Trigger AvailableNow() {
        return AvailableNowTrigger.INSTANCE;
    }

    public static Trigger Continuous(long intervalMs) {
        return new ContinuousTrigger(checkInterval(intervalMs));
    }

    public static Trigger Continuous(long interval, TimeUnit unit) {
        return Continuous(unit.toMillis(interval));
    }

    public static Trigger Continuous(String interval) {
        return Continuous(Durations.parseInterval(interval));
    }

    public static Trigger Continuous(scala.concurrent.duration.Duration interval) {
        return Continuous(interval.toMillis());
    }

    /** Spark's {@code require(intervalMs >= 0, ...)} in its processing-time and continuous triggers. */
    private static long checkInterval(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("requirement failed: the interval of trigger should not be negative");
        }
        return ms;
    }
}
