package io.tideway.unsafe.types;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;

/**
 * A value of {@code CalendarIntervalType}, mirroring Spark's
 * {@code org.apache.spark.unsafe.types.CalendarInterval}: months, days and microseconds kept
 * apart (a month is not a fixed number of days, nor a day of microseconds across a daylight-saving
 * change). Immutable.
 */
public final class CalendarInterval implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;

    public final int months;
    public final int days;
    public final long microseconds;

    public CalendarInterval(int months, int days, long microseconds) {
        this.months = months;
        this.days = days;
        this.microseconds = microseconds;
    }

    /** The months and days, as Spark's {@code extractAsPeriod}. */
    public Period extractAsPeriod() {
        return Period.of(0, months, days);
    }

    /** The microseconds, as Spark's {@code extractAsDuration}. */
    public Duration extractAsDuration() {
        return Duration.ofNanos(Math.multiplyExact(microseconds, 1000L));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalendarInterval c && c.months == months && c.days == days && c.microseconds == microseconds;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(months, days, microseconds);
    }

    /** Spark's text: {@code 1 years 2 months 3 days 4 hours 5 minutes 6.5 seconds}, zero parts left out. */
    @Override
    public String toString() {
        if (months == 0 && days == 0 && microseconds == 0) {
            return "0 seconds";
        }
        StringBuilder sb = new StringBuilder();
        if (months != 0) {
            appendUnit(sb, months / 12, "years");
            appendUnit(sb, months % 12, "months");
        }
        appendUnit(sb, days, "days");
        if (microseconds != 0) {
            long rest = microseconds;
            appendUnit(sb, rest / MICROS_PER_HOUR, "hours");
            rest %= MICROS_PER_HOUR;
            appendUnit(sb, rest / MICROS_PER_MINUTE, "minutes");
            rest %= MICROS_PER_MINUTE;
            if (rest != 0) {
                sb.append(BigDecimal.valueOf(rest, 6).stripTrailingZeros().toPlainString()).append(" seconds ");
            }
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static void appendUnit(StringBuilder sb, long value, String unit) {
        if (value != 0) {
            sb.append(value).append(' ').append(unit).append(' ');
        }
    }
}
