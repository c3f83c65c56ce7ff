package io.tideway.engine.util;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Spark's interval strings ({@code "10 seconds"}, {@code "interval 1 minute"}, {@code "7d"}). */
public final class Durations {
    private static final Pattern INTERVAL = Pattern.compile(
            "(?:interval\\s+)?(\\d+)\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /** Milliseconds in an interval string; a bare number is milliseconds. */
    public static long parseInterval(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
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

    private static long unitMs(String unit, String text) {
        return switch (unit) {
            case "ms", "millisecond", "milliseconds", "msec", "msecs" -> 1L;
            case "s", "sec", "secs", "second", "seconds" -> 1000L;
            case "m", "min", "mins", "minute", "minutes" -> 60_000L;
            case "h", "hour", "hours" -> 3_600_000L;
            case "d", "day", "days" -> 86_400_000L;
            case "w", "week", "weeks" -> 7 * 86_400_000L;
            default -> throw new IllegalArgumentException("Invalid interval: " + text);
        };
    }
}
