package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.SparkUpgradeException;

import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Spark's checks of a datetime pattern before {@code java.time} reads it
 * ({@code DateTimeFormatterHelper.convertIncompatiblePattern} and {@code checkLegacyFormatter}):
 * week-based letters ({@code Y w W u e c}), letters Spark leaves out ({@code A B n N p}, and
 * {@code E F q Q} for parsing) and narrow text styles ({@code MMMMM}, 7 or more {@code y}) are
 * refused; a pattern refused (here or by {@code java.time}) that Spark 2's {@code SimpleDateFormat}
 * read is reported as Spark's {@code SparkUpgradeException}. Stateless.
 */
final class DateTimePatternCheck {
    private static final String WEEK_BASED = "YWwuec";
    private static final String UNSUPPORTED = "ABnNp";
    private static final String UNSUPPORTED_FOR_PARSING = "EFqQ";
    private static final String[] TOO_LONG = {"GGGGG", "MMMMM", "LLLLL", "EEEEE", "QQQQQ", "qqqqq", "yyyyyyy"};

    private DateTimePatternCheck() {
    }

    /** The formatter {@code build} makes of {@code pattern}, after Spark's checks; Spark's error where either refuses it. */
    static <T> T checked(String pattern, boolean parsing, Supplier<T> build) {
        try {
            refuseIncompatible(pattern, parsing);
            return build.get();
        } catch (IllegalArgumentException e) {
            if (legacyReads(pattern)) {
                throw new SparkUpgradeException("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION", Map.of(
                        "pattern", "'" + pattern + "'", "config", "\"spark.sql.legacy.timeParserPolicy\"",
                        "docroot", "https://spark.apache.org/docs/latest"), e);
            }
            throw e;
        }
    }

    /** The letters outside quotes Spark refuses before {@code java.time} sees the pattern. */
    private static void refuseIncompatible(String pattern, boolean parsing) {
        String[] parts = (pattern + " ").split("'", -1);
        for (int i = 0; i < parts.length; i += 2) { // even parts are outside quotes
            String part = parts[i];
            for (char c : part.toCharArray()) {
                if (WEEK_BASED.indexOf(c) >= 0) {
                    throw new SparkIllegalArgumentException("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN",
                            Map.of("c", String.valueOf(c)));
                }
            }
            for (char c : part.toCharArray()) {
                if (UNSUPPORTED.indexOf(c) >= 0 || parsing && UNSUPPORTED_FOR_PARSING.indexOf(c) >= 0) {
                    throw new SparkIllegalArgumentException("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
                            Map.of("c", String.valueOf(c), "pattern", pattern));
                }
            }
            for (String style : TOO_LONG) {
                if (part.contains(style)) {
                    throw new SparkIllegalArgumentException("INVALID_DATETIME_PATTERN.LENGTH", Map.of("pattern", style));
                }
            }
        }
    }

    /** Whether Spark 2's formatter ({@code SimpleDateFormat}) reads the pattern. */
    private static boolean legacyReads(String pattern) {
        try {
            new SimpleDateFormat(pattern, Locale.US);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
