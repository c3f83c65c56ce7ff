package io.tideway.engine.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Spark's progress and watermark timestamp text, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC.
 * Years 1 to 9999 are written by hand: a continuous query formats one per epoch on a thread that
 * slept since the last, where {@link DateTimeFormatter}'s cold path was a quarter of the whole
 * progress report's CPU. Other years go through the formatter, which knows their signs and widths.
 *
 * <p>Threading: stateless.
 */
public final class ProgressTimestamp {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private ProgressTimestamp() {
    }

    /** Now, from the wall clock. */
    public static String now() {
        return format(System.currentTimeMillis());
    }

    /** {@code epochMillis} (ms since 1970-01-01T00:00Z) as {@code 2026-11-24T20:05:20.123Z}. */
    public static String format(long epochMillis) {
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        // the proleptic Gregorian date of a day count (H. Hinnant's civil_from_days)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153; // March = 0
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            return FORMAT.format(Instant.ofEpochMilli(epochMillis));
        }
        char[] out = new char[24];
        digits(out, 0, (int) year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
        digits(out, 11, millisOfDay / 3_600_000, 2);
        out[13] = ':';
        digits(out, 14, millisOfDay / 60_000 % 60, 2);
        out[16] = ':';
        digits(out, 17, millisOfDay / 1000 % 60, 2);
        out[19] = '.';
        digits(out, 20, millisOfDay % 1000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    /** {@code value} in {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
