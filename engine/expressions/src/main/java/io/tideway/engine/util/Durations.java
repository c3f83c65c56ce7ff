package io.tideway.engine.util;

import io.tideway.SparkIllegalArgumentException;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Spark's interval strings ({@code "10 seconds"}, {@code "interval 1 minute"}, {@code "7d"}).
 * An empty string and an unknown unit fail as Spark's {@code IntervalUtils.stringToInterval} does
 * ({@code INVALID_INTERVAL_FORMAT}); other malformed text with Tideway's own words.
 */
public final class Durations {
    private static final Pattern INTERVAL = Pattern.compile(
            "(?:interval\\s+)?(\\d+)\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);
    /** One signed {@code value unit} pair of a calendar interval ({@code -10 seconds}, {@code 1 month}). */
    private static final Pattern SIGNED_UNIT = Pattern.compile("([+-]?\\d+)\\s*([a-z]+)");
    private static final long MICROS_PER_MS = 1000L;

    /**
     * A calendar interval as Spark's {@code CalendarInterval} keeps it: months apart, since a
     * month has no fixed length, and everything shorter in microseconds. Immutable.
     */
    public record CalendarInterval(int months, long micros) {
    }

    private Durations() {
    }

    /** Milliseconds in an interval string; a bare number is milliseconds. */
    public static long parseInterval(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new SparkIllegalArgumentException("INVALID_INTERVAL_FORMAT.INPUT_IS_EMPTY", Map.of("input", text));
        }
        if (t.matches("\\d+")) {
            return Long.parseLong(t);
        }
        Matcher m = INTERVAL.matcher(t);
        long total = 0;
        int end = 0;
        boolean any = false;
        while (m.find()) {
            if (!t.substring(end, m.start()).isBlank() && !(end == 0 && t.substring(0, m.start()).isBlank())) {
                break;
            }
            total += Long.parseLong(m.group(1)) * unitMs(m.group(2), text);
            end = m.end();
            any = true;
        }
        if (!any || !t.substring(end).isBlank()) {
            throw new IllegalArgumentException("Invalid interval: " + text);
        }
        return total;
    }

    /**
     * {@code text} as Spark's {@code IntervalUtils.fromIntervalString} reads it: {@code value unit}
     * pairs, each value signed, after an optional {@code interval}; years and months count as
     * months. Throws {@link IllegalArgumentException} when {@code text} is no interval.
     */
    public static CalendarInterval parseCalendarInterval(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("interval ")) {
            t = t.substring("interval ".length()).trim();
        }
        Matcher m = SIGNED_UNIT.matcher(t);
        long months = 0;
        long micros = 0;
        int end = 0;
        while (m.find() && t.substring(end, m.start()).isBlank()) {
            long value = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "year", "years" -> months = Math.addExact(months, Math.multiplyExact(value, 12L));
                case "month", "months", "mon", "mons" -> months = Math.addExact(months, value);
                case "us", "microsecond", "microseconds" -> micros = Math.addExact(micros, value);
                default -> micros = Math.addExact(micros, Math.multiplyExact(value, unitMs(m.group(2), text) * MICROS_PER_MS));
            }
            end = m.end();
        }
        if (end == 0 || !t.substring(end).isBlank()) {
            throw new IllegalArgumentException("Invalid interval: " + text);
        }
        return new CalendarInterval(Math.toIntExact(months), micros);
    }

    private static long unitMs(String unit, String text) {
        return switch (unit) {
            case "ms", "millisecond", "milliseconds", "msec", "msecs" -> 1L;
            case "s", "sec", "secs", "second", "seconds" -> 1000L;
            case "m", "min", "mins", "minute", "minutes" -> 60_000L;
            case "h", "hour", "hours" -> 3_600_000L;
            case "d", "day", "days" -> 86_400_000L;
            case "w", "week", "weeks" -> 7 * 86_400_000L;
            default -> throw new SparkIllegalArgumentException("INVALID_INTERVAL_FORMAT.INVALID_UNIT",
                    Map.of("input", text, "unit", unit));
        };
    }
}
