package io.tideway.engine.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.OptionalLong;

/**
 * The strings a cast to {@code DATE} or {@code TIMESTAMP} accepts, as Spark's
 * {@code SparkDateTimeUtils.stringToDate} and {@code stringToTimestamp} read them: a year of four
 * or more digits with an optional sign, then optionally {@code -[m]m}, {@code -[d]d}, and (for a
 * timestamp) {@code ' '} or {@code T}, {@code [h]h:[m]m:[s]s}, a fraction (digits past the sixth
 * ignored) and a zone ({@code Z}, {@code +02:00}, {@code +2}, {@code UTC+1}, {@code Europe/Paris}).
 * A timestamp may also be a time alone ({@code 10:00:00}, {@code T10:00}), on today's date.
 * Anything else, and an impossible date, is no value. Stateless.
 */
public final class DateTimeStrings {
    private DateTimeStrings() {
    }

    /** The days since the epoch {@code s} names, or empty; a date's time part is ignored. */
    public static OptionalLong toDate(String s) {
        int start = trimmedStart(s);
        int end = trimmedEnd(s, start);
        if (start == end) {
            return OptionalLong.empty();
        }
        int sign = 1;
        int j = start;
        if (s.charAt(j) == '-' || s.charAt(j) == '+') {
            sign = s.charAt(j) == '-' ? -1 : 1;
            j++;
        }
        int[] ymd = {1, 1, 1};
        int segment = 0;
        int value = 0;
        int digits = 0;
        for (; j < end && segment < 3 && s.charAt(j) != ' ' && s.charAt(j) != 'T'; j++) {
            char ch = s.charAt(j);
            if (segment < 2 && ch == '-') {
                if (!dateDigits(segment, digits)) {
                    return OptionalLong.empty();
                }
                ymd[segment++] = value;
                value = 0;
                digits = 0;
            } else if (ch >= '0' && ch <= '9') {
                value = value * 10 + (ch - '0');
                digits++;
            } else {
                return OptionalLong.empty();
            }
        }
        // only a full year-month-day may be followed by a time part
        if (!dateDigits(segment, digits) || segment < 2 && j < end) {
            return OptionalLong.empty();
        }
        ymd[segment] = value;
        try {
            return OptionalLong.of(LocalDate.of(sign * ymd[0], ymd[1], ymd[2]).toEpochDay());
        } catch (DateTimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Years fit an int for up to seven digits; months and days take one or two. */
    private static boolean dateDigits(int segment, int digits) {
        return segment == 0 ? digits >= 4 && digits <= 7 : digits > 0 && digits <= 2;
    }

    // the segments of a timestamp string, in the order they are written
    private static final int YEAR = 0;
    private static final int DAY = 2;
    private static final int HOUR = 3;
    private static final int MINUTE = 4;
    private static final int SECOND = 5;
    private static final int FRACTION = 6;
    private static final int ZONE_HOUR = 7;

    /**
     * The microseconds since the epoch {@code s} names, read in {@code zone} unless it names its
     * own zone, or empty.
     */
    public static OptionalLong toTimestamp(String s, ZoneId zone) {
        int start = trimmedStart(s);
        int end = trimmedEnd(s, start);
        if (start == end) {
            return OptionalLong.empty();
        }
        int[] seg = {1, 1, 1, 0, 0, 0, 0, 0, 0};
        int i = YEAR;
        int value = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean timeOnly = false;
        int yearSign = 0; // 0: no sign written
        String zoneText = null;
        int j = start;
        if (s.charAt(j) == '-' || s.charAt(j) == '+') {
            yearSign = s.charAt(j) == '-' ? -1 : 1;
            j++;
        }
        for (; j < end; j++) {
            char ch = s.charAt(j);
            if (ch >= '0' && ch <= '9') {
                if (i == FRACTION) {
                    fractionDigits++;
                }
                if (i != FRACTION || digits < 6) { // a fraction keeps microseconds; the rest is dropped
                    value = value * 10 + (ch - '0');
                }
                digits++;
                continue;
            }
            int next; // the segment the separator opens, or -1 if it is not allowed here
            if (j == 0 && ch == 'T') {
                timeOnly = true;
                i = HOUR;
                continue;
            } else if (i < DAY && ch == '-') {
                next = i + 1;
            } else if (i == YEAR && ch == ':' && yearSign == 0) { // "10:00": a time alone
                timeOnly = true;
                i = HOUR;
                next = MINUTE;
            } else if (i == DAY && (ch == ' ' || ch == 'T') || (i == HOUR || i == MINUTE) && ch == ':'
                    || i == SECOND && ch == '.') {
                next = i + 1;
            } else if (i == SECOND || i == FRACTION) { // the rest of the string names a zone
                zoneText = s.substring(j, end);
                next = ZONE_HOUR;
                j = end - 1;
            } else if (i > FRACTION && i < seg.length - 1 && (ch == ':' || ch == ' ')) {
                next = i + 1;
            } else {
                return OptionalLong.empty();
            }
            if (!timestampDigits(i, digits)) {
                return OptionalLong.empty();
            }
            seg[i] = value;
            value = 0;
            digits = 0;
            i = next;
        }
        if (!timestampDigits(i, digits)) {
            return OptionalLong.empty();
        }
        seg[i] = value;
        for (; fractionDigits < 6; fractionDigits++) {
            seg[FRACTION] *= 10;
        }
        seg[YEAR] *= yearSign == 0 ? 1 : yearSign;
        try {
            ZoneId z = zoneText == null ? zone : zoneId(zoneText.trim());
            LocalTime time = LocalTime.of(seg[HOUR], seg[MINUTE], seg[SECOND], seg[FRACTION] * 1000);
            LocalDate date = timeOnly ? LocalDate.now(z) : LocalDate.of(seg[YEAR], seg[1], seg[DAY]);
            java.time.Instant instant = LocalDateTime.of(date, time).atZone(z).toInstant();
            return OptionalLong.of(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                    instant.getNano() / 1000));
        } catch (DateTimeException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Years of four to six digits (a long of microseconds spans about 290 thousand years), any
     * fraction, a zone of up to two digits (or none, as {@code Europe/Paris}), else one or two.
     */
    private static boolean timestampDigits(int segment, int digits) {
        return segment == FRACTION || segment == YEAR && digits >= 4 && digits <= 6
                || segment == ZONE_HOUR && digits <= 2
                || segment != YEAR && segment != FRACTION && segment != ZONE_HOUR && digits > 0 && digits <= 2;
    }

    /** Spark's {@code getZoneId}: one-digit hours and minutes padded ({@code +2:0}), short ids allowed. */
    private static ZoneId zoneId(String id) {
        String padded = id.replaceFirst("([+-])(\\d):", "$10$2:").replaceFirst("([+-]\\d\\d):(\\d)$", "$1:0$2");
        return ZoneId.of(padded, ZoneId.SHORT_IDS);
    }

    /** Spark trims whitespace and ISO control characters at both ends. */
    private static int trimmedStart(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static int trimmedEnd(String s, int start) {
        int e = s.length();
        while (e > start && (Character.isWhitespace(s.charAt(e - 1)) || Character.isISOControl(s.charAt(e - 1)))) {
            e--;
        }
        return e;
    }
}
