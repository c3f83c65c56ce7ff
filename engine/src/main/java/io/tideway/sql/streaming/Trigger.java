package io.tideway.sql.streaming;

import io.tideway.engine.util.Durations;

import java.util.concurrent.TimeUnit;

/**
 * When a streaming query runs, mirroring Spark's {@code Trigger}: as fast as possible (default),
 * on a fixed interval, once, until all available data is processed, or continuously with an
 * epoch interval. Immutable.
 */
public abstract class Trigger {

    /**
     * Micro-batches started every {@code intervalMs} milliseconds (0: each as soon as the last
     * ends). A batch that overruns its interval is followed at once by the next. Throws
     * {@code IllegalArgumentException} for a negative interval, as Spark.
     */
    public static Trigger ProcessingTime(long intervalMs) {
        return new ProcessingTimeTrigger(checkInterval(intervalMs));
    }

    /** Micro-batches started every {@code interval} of {@code unit}. */
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

    /**
     * Processes all data available when the query starts, in as many micro-batches as the sources'
     * rate limits (such as {@code maxFilesPerTrigger}) make, then stops the query.
     */
    public static Trigger AvailableNow() {
        return AvailableNowTrigger.INSTANCE;
    }

    /**
     * Continuous processing with an epoch (checkpoint) interval of {@code intervalMs} milliseconds.
     * Only map-like queries run in this mode; others fail at {@code start()} with Spark's
     * {@code Continuous processing does not support ...} message.
     */
    public static Trigger Continuous(long intervalMs) {
        return new ContinuousTrigger(checkInterval(intervalMs));
    }

    /** Continuous processing with an epoch interval of {@code interval} of {@code unit}. */
    public static Trigger Continuous(long interval, TimeUnit unit) {
        return Continuous(unit.toMillis(interval));
    }

    /** Continuous processing with an epoch interval such as {@code "1 second"}. */
    public static Trigger Continuous(String interval) {
        return Continuous(Durations.parseInterval(interval));
    }

    /**
     * Continuous processing with an epoch interval given as a Scala duration, Spark's Scala form.
     */
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
