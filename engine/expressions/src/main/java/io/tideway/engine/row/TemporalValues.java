package io.tideway.engine.row;

import io.tideway.sql.types.CalendarIntervalType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.YearMonthIntervalType;
import io.tideway.unsafe.types.CalendarInterval;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The Java values of the interval types and {@code timestamp_ntz} and their binary form, as
 * Spark's {@code IntervalUtils}/{@code DateTimeUtils} convert them: a day-time interval is a
 * {@link Duration} of microseconds, a year-month interval a normalized {@link Period} of months,
 * a {@code timestamp_ntz} a {@link LocalDateTime} of microseconds since the local epoch, a
 * calendar interval a {@link CalendarInterval} stored as 16 bytes (int months, int days, long
 * microseconds, little-endian). Stateless.
 */
public final class TemporalValues {
    /** Bytes of a calendar interval in a row's variable region. */
    public static final int CALENDAR_BYTES = 16;

    private TemporalValues() {
    }

    /** Whether {@code t}'s values are a long in the row's slot and a Java object in {@link #toJava}. */
    public static boolean isLongBacked(DataType t) {
        return t instanceof DayTimeIntervalType || t instanceof YearMonthIntervalType || t == DataTypes.TimestampNTZType;
    }

    /** The Java value of a slot of type {@code t} ({@link #isLongBacked}). */
    public static Object toJava(DataType t, long v) {
        if (t instanceof DayTimeIntervalType) {
            return Duration.of(v, ChronoUnit.MICROS);
        }
        if (t instanceof YearMonthIntervalType) {
            return Period.ofMonths((int) v).normalized();
        }
        return ntzToLocal(v);
    }

    /** The slot of a Java value ({@link Duration}, {@link Period}, {@link LocalDateTime}, or a number as it is). */
    public static long toLong(Object v) {
        if (v instanceof Duration d) {
            return durationToMicros(d);
        }
        if (v instanceof Period p) {
            return Math.toIntExact(p.toTotalMonths());
        }
        if (v instanceof LocalDateTime l) {
            return localToNtz(l);
        }
        return ((Number) v).longValue();
    }

    /** Spark's {@code durationToMicros}: exact, overflow fails. */
    public static long durationToMicros(Duration d) {
        long micros = Math.multiplyExact(d.getSeconds(), 1_000_000L);
        return Math.addExact(micros, d.getNano() / 1000);
    }

    public static LocalDateTime ntzToLocal(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    public static long localToNtz(LocalDateTime l) {
        return Math.addExact(Math.multiplyExact(l.toEpochSecond(ZoneOffset.UTC), 1_000_000L), l.getNano() / 1000);
    }

    /** A calendar interval's 16 bytes. */
    public static byte[] encode(CalendarInterval c) {
        byte[] b = new byte[CALENDAR_BYTES];
        write(new UnsafeBuffer(b), 0, c.months, c.days, c.microseconds);
        return b;
    }

    public static void write(MutableDirectBuffer buf, int offset, int months, int days, long micros) {
        buf.putInt(offset, months, ByteOrder.LITTLE_ENDIAN);
        buf.putInt(offset + 4, days, ByteOrder.LITTLE_ENDIAN);
        buf.putLong(offset + 8, micros, ByteOrder.LITTLE_ENDIAN);
    }

    public static CalendarInterval decode(DirectBuffer buf, int offset) {
        return new CalendarInterval(months(buf, offset), days(buf, offset), micros(buf, offset));
    }

    public static int months(DirectBuffer buf, int offset) {
        return buf.getInt(offset, ByteOrder.LITTLE_ENDIAN);
    }

    public static int days(DirectBuffer buf, int offset) {
        return buf.getInt(offset + 4, ByteOrder.LITTLE_ENDIAN);
    }

    public static long micros(DirectBuffer buf, int offset) {
        return buf.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN);
    }

    /** Whether {@code t} is the calendar interval type. */
    public static boolean isCalendar(DataType t) {
        return t instanceof CalendarIntervalType;
    }
}
