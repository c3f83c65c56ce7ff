package io.tideway.engine.source.rate;

import io.tideway.engine.spi.Options;
import io.tideway.engine.util.Durations;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code rate} source's options, parsed and validated once with Spark's wording:
 * {@code rowsPerSecond} (default 1, positive), {@code rampUpTime} (duration, default 0s, whole
 * seconds, not negative; ignored in continuous mode, as in Spark), {@code numPartitions} (default:
 * available processors, positive). Two Tideway options, both {@code false} by default:
 * {@code exactPacing} (continuous only: pace by {@link System#nanoTime()} from the reader's start
 * instead of the wall clock from the stream's creation) and {@code includeIntendedNanoTime} (add
 * an {@code intendedNanoTime: long} column, the row's intended time on {@code System.nanoTime()}'s
 * scale). Immutable.
 *
 * @param numPartitionsText the option as given, or {@code default}: Spark prints it raw in the
 *                          source description
 */
record RateSourceOptions(long rowsPerSecond, long rampUpTimeSeconds, int numPartitions, String numPartitionsText,
                         boolean exactPacing, boolean includeIntendedNanoTime) {
    static final String ROWS_PER_SECOND = "rowsPerSecond";
    static final String RAMP_UP_TIME = "rampUpTime";
    static final String NUM_PARTITIONS = "numPartitions";
    static final String EXACT_PACING = "exactPacing";
    static final String INCLUDE_INTENDED_NANO_TIME = "includeIntendedNanoTime";

    /** Spark's {@code JavaUtils.timeStringAsSec} form: a signed number and an optional unit (seconds). */
    private static final Pattern TIME = Pattern.compile("(-?[0-9]+)([a-z]+)?");

    static RateSourceOptions parse(Options options) {
        long rowsPerSecond = options.getPositiveLong(ROWS_PER_SECOND, 1);
        long rampUp = options.get(RAMP_UP_TIME).map(RateSourceOptions::parseSeconds).orElse(0L);
        if (rampUp < 0) {
            throw new IllegalArgumentException("Invalid value '" + rampUp + "'. The option '" + RAMP_UP_TIME
                    + "' must not be negative");
        }
        int numPartitions = numPartitions(options);
        RateSchedule.checkRampUp(rowsPerSecond, rampUp);
        return new RateSourceOptions(rowsPerSecond, rampUp, numPartitions,
                options.get(NUM_PARTITIONS).orElse("default"), options.getBoolean(EXACT_PACING, false),
                options.getBoolean(INCLUDE_INTENDED_NANO_TIME, false));
    }

    /** Spark's description of the source in both modes, including its missing closing bracket. */
    String description() {
        return "RateStreamV2[rowsPerSecond=" + rowsPerSecond + ", rampUpTimeSeconds=" + rampUpTimeSeconds
                + ", numPartitions=" + numPartitionsText;
    }

    /** {@code numPartitions}: positive, an int, default the number of available processors. */
    static int numPartitions(Options options) {
        long n = options.getPositiveLong(NUM_PARTITIONS, Runtime.getRuntime().availableProcessors());
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Invalid value '" + n + "'. The option '" + NUM_PARTITIONS
                    + "' must be at most " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /**
     * Seconds in a duration string, truncated toward zero: Spark's forms ({@code 5}, {@code 5s},
     * {@code 1500ms}, {@code 2min}, {@code -1s}) and Tideway's interval strings ({@code 5 seconds}).
     */
    static long parseSeconds(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = TIME.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2);
                return unit == null ? n : toSeconds(n, unit, text);
            }
            if (t.startsWith("-")) {
                return -(Durations.parseInterval(t.substring(1)) / 1000);
            }
            return Durations.parseInterval(t) / 1000;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + text + "' for option '" + RAMP_UP_TIME
                    + "': time must be specified as seconds (s), milliseconds (ms), microseconds (us),"
                    + " minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us.", e);
        }
    }

    private static long toSeconds(long n, String unit, String text) {
        return switch (unit) {
            case "us" -> n / 1_000_000;
            case "ms" -> n / 1000;
            case "s" -> n;
            case "m", "min" -> Math.multiplyExact(n, 60L);
            case "h" -> Math.multiplyExact(n, 3600L);
            case "d" -> Math.multiplyExact(n, 86_400L);
            default -> Durations.parseInterval(text.trim()) / 1000;
        };
    }
}
