package io.tideway.engine.expr.fn;

import io.tideway.QueryContext;
import io.tideway.SparkArithmeticException;
import io.tideway.SparkDateTimeException;
import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalUnit;
import java.util.Locale;
import java.util.Map;

/**
 * The date and time functions' implementations, over Spark's encodings: a date is days since
 * 1970-01-01, a timestamp micros since the epoch (UTC); calendar fields are computed in the
 * proleptic Gregorian calendar (as Spark 3+ and {@code java.time}) with integer arithmetic, so the
 * field functions allocate nothing. Stateless.
 */
public final class DateTimeKernels {
    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private DateTimeKernels() {
    }

    /** Days since the epoch of the civil date {@code y-m-d} (Howard Hinnant's algorithm). */
    public static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** Year, month and day of a date packed as {@code year * 10000 + month * 100 + day} (sign in the year). */
    private static long civil(long days) {
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return y * 10000 + (y < 0 ? -1 : 1) * (m * 100 + d);
    }

    public static int year(long days) {
        long c = civil(days);
        return (int) (c / 10000);
    }

    public static int month(long days) {
        return (int) (Math.abs(civil(days)) / 100 % 100);
    }

    public static int dayOfMonth(long days) {
        return (int) (Math.abs(civil(days)) % 100);
    }

    public static int quarter(long days) {
        return (month(days) - 1) / 3 + 1;
    }

    /** Sunday 1 .. Saturday 7 (Spark's {@code dayofweek}). */
    public static int dayOfWeek(long days) {
        return (int) Math.floorMod(days + 4, 7) + 1;
    }

    /** Monday 0 .. Sunday 6 (Spark's {@code weekday}). */
    public static int weekday(long days) {
        return (int) Math.floorMod(days + 3, 7);
    }

    public static int dayOfYear(long days) {
        return (int) (days - daysFromCivil(year(days), 1, 1)) + 1;
    }

    /** The ISO-8601 week of the week-based year (weeks start on Monday; week 1 holds the first Thursday). */
    public static int weekOfYear(long days) {
        long thursday = days - weekday(days) + 3;
        return (int) ((thursday - daysFromCivil(year(thursday), 1, 1)) / 7) + 1;
    }

    /** The local time of day of a timestamp in the zone, in micros. */
    private static long timeOfDay(long utcMicros, SessionZone zone) {
        return Math.floorMod(zone.toLocal(utcMicros), MICROS_PER_DAY);
    }

    public static int hour(long utcMicros, SessionZone zone) {
        return (int) (timeOfDay(utcMicros, zone) / (3600 * MICROS_PER_SECOND));
    }

    public static int minute(long utcMicros, SessionZone zone) {
        return (int) (timeOfDay(utcMicros, zone) / (60 * MICROS_PER_SECOND) % 60);
    }

    public static int second(long utcMicros, SessionZone zone) {
        return (int) (timeOfDay(utcMicros, zone) / MICROS_PER_SECOND % 60);
    }

    /** Spark's {@code SecondWithFraction} (extract SECOND): the seconds of the minute with microseconds, a decimal(8,6). */
    public static java.math.BigDecimal secondWithFraction(long utcMicros, SessionZone zone) {
        return java.math.BigDecimal.valueOf(timeOfDay(utcMicros, zone) % (60 * MICROS_PER_SECOND), 6);
    }

    /** The date a timestamp falls on in the zone. */
    public static long dateOf(long utcMicros, SessionZone zone) {
        return Math.floorDiv(zone.toLocal(utcMicros), MICROS_PER_DAY);
    }

    /** Spark's {@code add_months}: the same day of the month, or the month's last day if it has fewer. */
    public static long addMonths(long days, int months) {
        long c = civil(days);
        long y = c / 10000;
        long rest = Math.abs(c);
        int m = (int) (rest / 100 % 100);
        int d = (int) (rest % 100);
        long total = y * 12 + (m - 1) + months;
        long ny = Math.floorDiv(total, 12);
        int nm = (int) Math.floorMod(total, 12) + 1;
        long result = daysFromCivil(ny, nm, Math.min(d, lengthOfMonth(ny, nm)));
        if (result != (int) result) { // Spark's Math.toIntExact of the day count
            throw io.tideway.engine.expr.ArithmeticErrors.overflow(true, null);
        }
        return result;
    }

    public static long lastDay(long days) {
        long c = civil(days);
        long y = c / 10000;
        int m = (int) (Math.abs(c) / 100 % 100);
        return daysFromCivil(y, m, lengthOfMonth(y, m));
    }

    static int lengthOfMonth(long y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Seconds since the epoch as a timestamp; an overflow is Java's {@code ArithmeticException: long overflow}, as in Spark. */
    public static long secondsToMicros(long seconds) {
        return Math.multiplyExact(seconds, MICROS_PER_SECOND);
    }

    public static long millisToMicros(long millis) {
        return Math.multiplyExact(millis, 1000L);
    }

    /** Fractional seconds as a timestamp, truncated to micros; NaN and infinities are null (checked by the caller). */
    public static long secondsToMicros(double seconds) {
        return (long) (seconds * MICROS_PER_SECOND);
    }

    /**
     * Spark's {@code make_date}: the date, or with ANSI rules an error naming the field java.time
     * rejects ({@code DATETIME_FIELD_OUT_OF_BOUNDS}); without, {@link Long#MIN_VALUE} for null.
     */
    public static long makeDate(long year, long month, long day, boolean ansi) {
        try {
            return LocalDate.of((int) year, (int) month, (int) day).toEpochDay();
        } catch (DateTimeException e) {
            if (!ansi) {
                return Long.MIN_VALUE;
            }
            throw new SparkDateTimeException("DATETIME_FIELD_OUT_OF_BOUNDS",
                    Map.of("rangeMessage", e.getMessage(), "ansiConfig", "\"spark.sql.ansi.enabled\""), new QueryContext[0]);
        }
    }

    /** Seconds since the epoch of the start of a date's day in the zone. */
    public static long dateToSeconds(long days, SessionZone zone) {
        return Math.floorDiv(zone.toUtc(days * MICROS_PER_DAY), MICROS_PER_SECOND);
    }

    /**
     * Spark's {@code trunc(date, fmt)}: the first day of the year, quarter, month or (Monday) week;
     * {@link Long#MIN_VALUE} for null when the unit is none of those.
     */
    public static long truncDate(long days, DirectBuffer b, int off, int len) {
        return switch (StringKernels.string(b, off, len).toLowerCase(Locale.ROOT)) {
            case "year", "yyyy", "yy" -> daysFromCivil(year(days), 1, 1);
            case "quarter" -> daysFromCivil(year(days), (quarter(days) - 1) * 3 + 1, 1);
            case "month", "mm", "mon" -> daysFromCivil(year(days), month(days), 1);
            case "week" -> days - weekday(days);
            default -> Long.MIN_VALUE;
        };
    }

    /**
     * Spark's {@code date_trunc(fmt, ts)}: the timestamp truncated in the zone to the unit;
     * {@link Long#MIN_VALUE} for null when the unit is unknown.
     */
    public static long truncTimestamp(DirectBuffer b, int off, int len, long micros, SessionZone zone) {
        String unit = StringKernels.string(b, off, len).toLowerCase(Locale.ROOT);
        long local = zone.toLocal(micros);
        long days = Math.floorDiv(local, MICROS_PER_DAY);
        long truncated;
        switch (unit) {
            case "microsecond" -> {
                return micros;
            }
            case "millisecond" -> {
                return Math.floorDiv(micros, 1000L) * 1000L;
            }
            case "second" -> truncated = Math.floorDiv(local, MICROS_PER_SECOND) * MICROS_PER_SECOND;
            case "minute" -> truncated = Math.floorDiv(local, 60 * MICROS_PER_SECOND) * 60 * MICROS_PER_SECOND;
            case "hour" -> {
                // ZonedDateTime.truncatedTo keeps the offset: an hour in a daylight-saving overlap stays in it
                truncated = Math.floorDiv(local, 3600 * MICROS_PER_SECOND) * 3600 * MICROS_PER_SECOND;
                return zone.toUtc(truncated, zone.offsetSeconds(micros));
            }
            case "day", "dd" -> truncated = days * MICROS_PER_DAY;
            case "week" -> truncated = (days - weekday(days)) * MICROS_PER_DAY;
            case "month", "mm", "mon" -> truncated = daysFromCivil(year(days), month(days), 1) * MICROS_PER_DAY;
            case "quarter" -> truncated = daysFromCivil(year(days), (quarter(days) - 1) * 3 + 1, 1) * MICROS_PER_DAY;
            case "year", "yyyy", "yy" -> truncated = daysFromCivil(year(days), 1, 1) * MICROS_PER_DAY;
            default -> {
                return Long.MIN_VALUE;
            }
        }
        return zone.toUtc(truncated);
    }

    /**
     * Spark's {@code window_time}: the window struct's end (field {@code end}) less a microsecond,
     * read through the call site's {@code reader}; {@link Long#MIN_VALUE} for null.
     */
    public static long windowTime(io.tideway.offheap.row.RowReader reader, DirectBuffer b, int off, int len, int end) {
        reader.wrap(b, off, len);
        return end < 0 || reader.isNullAt(end) ? Long.MIN_VALUE : reader.getLong(end) - 1L;
    }

    /** Whether {@code date_trunc} knows the unit (any case). */
    public static boolean isTruncUnit(DirectBuffer b, int off, int len) {
        return switch (StringKernels.string(b, off, len).toLowerCase(Locale.ROOT)) {
            case "microsecond", "millisecond", "second", "minute", "hour", "day", "dd", "week", "month", "mm", "mon",
                    "quarter", "year", "yyyy", "yy" -> true;
            default -> false;
        };
    }

    private static final byte[][] DAY_NAMES = names("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final byte[][] MONTH_NAMES = names("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec");

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** The ISO week-based year: the year of the week's Thursday. */
    public static int yearOfWeek(long days) {
        return year(days - weekday(days) + 3);
    }

    /** Monday 1 .. Sunday 7 (ISO). */
    public static int isoDayOfWeek(long days) {
        return weekday(days) + 1;
    }

    public static int dayName(long days, BytesOut out) {
        return out.reset().append(DAY_NAMES[weekday(days)]).length();
    }

    public static int monthName(long days, BytesOut out) {
        return out.reset().append(MONTH_NAMES[month(days) - 1]).length();
    }

    private static final QueryContext[] NO_CONTEXT = new QueryContext[0];

    /**
     * Spark's {@code next_day}: the first date after {@code days} on the named weekday ({@code MO},
     * {@code MON}, {@code MONDAY}, any case); a bad name is {@code ILLEGAL_DAY_OF_WEEK} with ANSI
     * rules, else {@link Long#MIN_VALUE} for null.
     */
    public static long nextDay(long days, DirectBuffer b, int off, int len, boolean ansi) {
        String name = StringKernels.string(b, off, len);
        int target = switch (name.toUpperCase(Locale.ROOT)) {
            case "MO", "MON", "MONDAY" -> 0;
            case "TU", "TUE", "TUESDAY" -> 1;
            case "WE", "WED", "WEDNESDAY" -> 2;
            case "TH", "THU", "THURSDAY" -> 3;
            case "FR", "FRI", "FRIDAY" -> 4;
            case "SA", "SAT", "SATURDAY" -> 5;
            case "SU", "SUN", "SUNDAY" -> 6;
            default -> -1;
        };
        if (target < 0) {
            if (!ansi) {
                return Long.MIN_VALUE;
            }
            throw new SparkIllegalArgumentException("ILLEGAL_DAY_OF_WEEK", Map.of("string", name));
        }
        return days + Math.floorMod(target - weekday(days) - 1, 7) + 1;
    }

    /**
     * Spark's {@code months_between} (Hive's rule): whole months when both days of the month are
     * equal or both are month ends, else the difference in days and seconds over 31-day months,
     * rounded to 8 digits when asked; dates are taken in the zone.
     */
    public static double monthsBetween(long micros1, long micros2, boolean roundOff, SessionZone zone) {
        long local1 = zone.toLocal(micros1);
        long local2 = zone.toLocal(micros2);
        long d1 = Math.floorDiv(local1, MICROS_PER_DAY);
        long d2 = Math.floorDiv(local2, MICROS_PER_DAY);
        int day1 = dayOfMonth(d1);
        int day2 = dayOfMonth(d2);
        double monthDiff = (year(d1) * 12L + month(d1)) - (year(d2) * 12L + month(d2));
        if (day1 == day2 || d1 == lastDay(d1) && d2 == lastDay(d2)) {
            return monthDiff;
        }
        long seconds1 = Math.floorMod(local1, MICROS_PER_DAY) / MICROS_PER_SECOND;
        long seconds2 = Math.floorMod(local2, MICROS_PER_DAY) / MICROS_PER_SECOND;
        double secondsDiff = (day1 - day2) * 86_400L + seconds1 - seconds2;
        double diff = monthDiff + secondsDiff / (31 * 86_400L);
        return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
    }

    /** Spark's {@code timestampadd(unit, quantity, ts)}: calendar units in the zone, time units exactly. */
    public static long timestampAdd(DirectBuffer b, int off, int len, long quantity, long micros, SessionZone zone) {
        String unit = StringKernels.string(b, off, len).toUpperCase(Locale.ROOT);
        try {
            return switch (unit) {
                case "MICROSECOND" -> Math.addExact(micros, quantity);
                case "MILLISECOND" -> Math.addExact(micros, Math.multiplyExact(quantity, 1000L));
                case "SECOND" -> Math.addExact(micros, Math.multiplyExact(quantity, MICROS_PER_SECOND));
                case "MINUTE" -> Math.addExact(micros, Math.multiplyExact(quantity, 60 * MICROS_PER_SECOND));
                case "HOUR" -> Math.addExact(micros, Math.multiplyExact(quantity, 3600 * MICROS_PER_SECOND));
                case "DAY", "DAYOFYEAR" -> plusLocal(micros, zone, ChronoUnit.DAYS, quantity);
                case "WEEK" -> plusLocal(micros, zone, ChronoUnit.DAYS, Math.multiplyExact(quantity, 7L));
                case "MONTH" -> plusLocal(micros, zone, ChronoUnit.MONTHS, quantity);
                case "QUARTER" -> plusLocal(micros, zone, ChronoUnit.MONTHS, Math.multiplyExact(quantity, 3L));
                case "YEAR" -> plusLocal(micros, zone, ChronoUnit.MONTHS, Math.multiplyExact(quantity, 12L));
                default -> throw invalidUnit("TIMESTAMPADD", unit);
            };
        } catch (ArithmeticException | DateTimeException e) {
            throw new SparkArithmeticException("DATETIME_OVERFLOW", Map.of("operation", "add " + quantity + "L "
                    + unit + " to TIMESTAMP '" + timestampText(micros, zone) + "'"), NO_CONTEXT);
        }
    }

    /** Spark's {@code timestampdiff(unit, start, end)}: whole units between the local times in the zone. */
    public static long timestampDiff(DirectBuffer b, int off, int len, long start, long end, SessionZone zone) {
        String unit = StringKernels.string(b, off, len).toUpperCase(Locale.ROOT);
        TemporalUnit u = switch (unit) {
            case "MICROSECOND" -> ChronoUnit.MICROS;
            case "MILLISECOND" -> ChronoUnit.MILLIS;
            case "SECOND" -> ChronoUnit.SECONDS;
            case "MINUTE" -> ChronoUnit.MINUTES;
            case "HOUR" -> ChronoUnit.HOURS;
            case "DAY" -> ChronoUnit.DAYS;
            case "WEEK" -> ChronoUnit.WEEKS;
            case "MONTH" -> ChronoUnit.MONTHS;
            case "QUARTER" -> IsoFields.QUARTER_YEARS;
            case "YEAR" -> ChronoUnit.YEARS;
            default -> throw invalidUnit("TIMESTAMPDIFF", unit);
        };
        return u.between(localDateTime(start, zone), localDateTime(end, zone));
    }

    private static RuntimeException invalidUnit(String function, String unit) {
        return new SparkIllegalArgumentException("INVALID_PARAMETER_VALUE.DATETIME_UNIT", Map.of("parameter",
                "`unit`", "functionName", "`" + function + "`", "invalidValue", "'" + unit + "'"));
    }

    private static long plusLocal(long micros, SessionZone zone, TemporalUnit unit, long amount) {
        LocalDateTime t = localDateTime(micros, zone).plus(amount, unit);
        return zone.toUtc(Math.addExact(Math.multiplyExact(t.toLocalDate().toEpochDay(), MICROS_PER_DAY),
                t.toLocalTime().toNanoOfDay() / 1000));
    }

    private static LocalDateTime localDateTime(long micros, SessionZone zone) {
        long local = zone.toLocal(micros);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(local, MICROS_PER_SECOND),
                (int) Math.floorMod(local, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
    }

    /** A timestamp as Spark prints it in messages: local time in the zone, fraction without trailing zeros. */
    public static String timestampText(long micros, SessionZone zone) {
        LocalDateTime t = localDateTime(micros, zone);
        String text = t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        int fraction = t.getNano() / 1000;
        return fraction == 0 ? text : text + "." + String.format("%06d", fraction).replaceAll("0+$", "");
    }

    /**
     * Spark's {@code make_timestamp}: the local time in the zone; 60 seconds exactly is the next
     * minute, a fraction past it {@code INVALID_FRACTION_OF_SECOND}; a field out of range is
     * {@code DATETIME_FIELD_OUT_OF_BOUNDS}. Without ANSI rules the errors are
     * {@link Long#MIN_VALUE} (null).
     */
    public static long makeTimestamp(long year, long month, long day, long hour, long minute, double seconds,
            SessionZone zone, boolean ansi) {
        long secMicros = Math.round(seconds * MICROS_PER_SECOND);
        long whole = Math.floorDiv(secMicros, MICROS_PER_SECOND);
        int micros = (int) Math.floorMod(secMicros, MICROS_PER_SECOND);
        try {
            LocalDateTime t;
            if (whole == 60) {
                if (micros != 0) {
                    if (!ansi) {
                        return Long.MIN_VALUE;
                    }
                    throw new SparkDateTimeException("INVALID_FRACTION_OF_SECOND", Map.of("secAndMicros",
                            BigDecimal.valueOf(secMicros, 6).stripTrailingZeros().toPlainString()), NO_CONTEXT);
                }
                t = LocalDateTime.of((int) year, (int) month, (int) day, (int) hour, (int) minute, 0).plusMinutes(1);
            } else {
                t = LocalDateTime.of((int) year, (int) month, (int) day, (int) hour, (int) minute, (int) whole,
                        micros * 1000);
            }
            return zone.toUtc(t.toLocalDate().toEpochDay() * MICROS_PER_DAY + t.toLocalTime().toNanoOfDay() / 1000);
        } catch (DateTimeException e) {
            if (e instanceof SparkDateTimeException) {
                throw e;
            }
            if (!ansi) {
                return Long.MIN_VALUE;
            }
            throw new SparkDateTimeException("DATETIME_FIELD_OUT_OF_BOUNDS",
                    Map.of("rangeMessage", e.getMessage(), "ansiConfig", "\"spark.sql.ansi.enabled\""), NO_CONTEXT);
        }
    }
}
