package io.tideway.engine.conf;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's size strings ({@code 512}, {@code 16k}, {@code 64m}, {@code 1g}; powers of 1024), read as
 * Spark's {@code JavaUtils.byteStringAs} reads them in bytes, with its messages. Stateless.
 */
public final class ByteStrings {
    private static final Pattern WHOLE = Pattern.compile("([0-9]+)([a-z]+)?");
    private static final Pattern FRACTION = Pattern.compile("([0-9]+\\.[0-9]+)([a-z]+)?");
    private static final Map<String, Integer> SHIFTS = Map.ofEntries(
            Map.entry("b", 0), Map.entry("k", 10), Map.entry("kb", 10), Map.entry("m", 20), Map.entry("mb", 20),
            Map.entry("g", 30), Map.entry("gb", 30), Map.entry("t", 40), Map.entry("tb", 40),
            Map.entry("p", 50), Map.entry("pb", 50));
    static final String SIZE_ERROR = "Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), "
            + "tebibytes (t), or pebibytes(p). E.g. 50b, 100k, or 250m.";

    private ByteStrings() {
    }

    /** Bytes in {@code text}; {@link NumberFormatException} with Spark's text when it is no size string. */
    public static long parse(String text) {
        try {
            String lower = text.toLowerCase(Locale.ROOT).trim();
            Matcher m = WHOLE.matcher(lower);
            if (m.matches()) {
                String suffix = m.group(2);
                if (suffix != null && !SHIFTS.containsKey(suffix)) {
                    throw new NumberFormatException("Invalid suffix: \"" + suffix + "\"");
                }
                long value = Long.parseLong(m.group(1));
                int shift = suffix == null ? 0 : SHIFTS.get(suffix);
                if (shift > 0 && value > (Long.MAX_VALUE >> shift)) {
                    throw new NumberFormatException("Failed to parse byte string: " + text);
                }
                return value << shift;
            }
            if (FRACTION.matcher(lower).matches()) {
                throw new NumberFormatException("Fractional values are not supported. Input was: " + lower);
            }
            throw new NumberFormatException("Failed to parse byte string: " + text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(SIZE_ERROR + "\n" + e.getMessage());
        }
    }
}
