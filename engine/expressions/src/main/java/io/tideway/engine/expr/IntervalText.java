package io.tideway.engine.expr;

import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.YearMonthIntervalType;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The ANSI text of interval values, as Spark's {@code IntervalUtils.toDayTimeIntervalString} and
 * {@code toYearMonthIntervalString} write it ({@code INTERVAL '1 02:03:04.5' DAY TO SECOND},
 * {@code INTERVAL '1-2' YEAR TO MONTH}): literals' SQL, casts to strings and {@code show()}.
 * Stateless; allocates (the edge, not the data path of arithmetic).
 */
public final class IntervalText {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private IntervalText() {
    }

    /** {@code INTERVAL '<value>' <FIELDS>} of a day-time interval. */
    public static String dayTime(long micros, DayTimeIntervalType t) {
        return "INTERVAL '" + dayTimeValue(micros, t.startField(), t.endField()) + "' " + fields(
                DayTimeIntervalType.fieldToString(t.startField()), DayTimeIntervalType.fieldToString(t.endField()));
    }

    /** {@code INTERVAL '<value>' <FIELDS>} of a year-month interval. */
    public static String yearMonth(int months, YearMonthIntervalType t) {
        String sign = months < 0 ? "-" : "";
        long abs = Math.abs((long) months);
        String value = t.startField() != t.endField() ? sign + abs / 12 + "-" + abs % 12
                : t.startField() == YearMonthIntervalType.YEAR() ? sign + abs / 12 : String.valueOf(months);
        return "INTERVAL '" + value + "' " + fields(YearMonthIntervalType.fieldToString(t.startField()),
                YearMonthIntervalType.fieldToString(t.endField()));
    }

    private static String fields(String from, String to) {
        return from.equals(to) ? from.toUpperCase(Locale.ROOT)
                : from.toUpperCase(Locale.ROOT) + " TO " + to.toUpperCase(Locale.ROOT);
    }

    /** The quoted part: the leading field unbounded, the others two digits, seconds with their fraction. */
    private static String dayTimeValue(long micros, byte start, byte end) {
        StringBuilder b = new StringBuilder(micros < 0 ? "-" : "");
        // Long.MIN_VALUE's magnitude, 2^63, is exact as an unsigned long: divide unsigned throughout
        long rest = micros < 0 ? -micros : micros;
        switch (start) {
            case 0 -> {
                b.append(Long.toUnsignedString(Long.divideUnsigned(rest, MICROS_PER_DAY)));
                rest = Long.remainderUnsigned(rest, MICROS_PER_DAY);
            }
            case 1 -> {
                b.append(twoDigits(Long.divideUnsigned(rest, MICROS_PER_HOUR)));
                rest = Long.remainderUnsigned(rest, MICROS_PER_HOUR);
            }
            case 2 -> {
                b.append(twoDigits(Long.divideUnsigned(rest, MICROS_PER_MINUTE)));
                rest = Long.remainderUnsigned(rest, MICROS_PER_MINUTE);
            }
            default -> b.append(seconds(rest));
        }
        if (start < 1 && 1 <= end) {
            b.append(' ').append(twoDigits(Long.divideUnsigned(rest, MICROS_PER_HOUR)));
            rest = Long.remainderUnsigned(rest, MICROS_PER_HOUR);
        }
        if (start < 2 && 2 <= end) {
            b.append(':').append(twoDigits(Long.divideUnsigned(rest, MICROS_PER_MINUTE)));
            rest = Long.remainderUnsigned(rest, MICROS_PER_MINUTE);
        }
        if (start < 3 && 3 <= end) {
            b.append(':').append(seconds(rest));
        }
        return b.toString();
    }

    private static String twoDigits(long v) {
        return Long.compareUnsigned(v, 10) < 0 ? "0" + v : Long.toUnsignedString(v);
    }

    private static String seconds(long micros) {
        String s = new BigDecimal(new java.math.BigInteger(Long.toUnsignedString(micros)), 6).stripTrailingZeros().toPlainString();
        return Long.compareUnsigned(micros, 10 * MICROS_PER_SECOND) < 0 ? "0" + s : s;
    }
}
