package io.tideway.engine.conf;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's time strings ({@code 10ms}, {@code 2s}, {@code 5min}, {@code 1h}; a bare number is in the
 * setting's own unit), read as Spark's {@code JavaUtils.timeStringAs} reads them, with its
 * messages. Stateless.
 */
public final class TimeStrings {
    private static final Pattern TIME = Pattern.compile("(-?[0-9]+)([a-z]+)?");
    private static final Map<String, TimeUnit> SUFFIXES = Map.of(
            "us", TimeUnit.MICROSECONDS, "ms", TimeUnit.MILLISECONDS, "s", TimeUnit.SECONDS,
            "m", TimeUnit.MINUTES, "min", TimeUnit.MINUTES, "h", TimeUnit.HOURS, "d", TimeUnit.DAYS);
    /** Spark's first line for any malformed time string. */
    static final String TIME_ERROR = "Time must be specified as seconds (s), milliseconds (ms), microseconds (us), "
            + "minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us.";

    private TimeStrings() {
    }

    /** {@code text} in {@code unit}; {@link NumberFormatException} with Spark's text when it is no time string. */
    public static long parse(String text, TimeUnit unit) {
        try {
            Matcher m = TIME.matcher(text.toLowerCase(Locale.ROOT).trim());
            if (!m.matches()) {
                throw new NumberFormatException("Failed to parse time string: " + text);
            }
            long value = Long.parseLong(m.group(1));
            String suffix = m.group(2);
            if (suffix != null && !SUFFIXES.containsKey(suffix)) {
                throw new NumberFormatException("Invalid suffix: \"" + suffix + "\"");
            }
            return unit.convert(value, suffix == null ? unit : SUFFIXES.get(suffix));
        } catch (NumberFormatException e) {
            throw new NumberFormatException(TIME_ERROR + "\n" + e.getMessage());
        }
    }
}
