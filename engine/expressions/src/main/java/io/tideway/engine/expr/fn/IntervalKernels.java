package io.tideway.engine.expr.fn;

import io.tideway.QueryContext;
import io.tideway.SparkArithmeticException;
import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.row.TemporalValues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The implementations of interval arithmetic and constructors ({@link IntervalFunctions}), as
 * Spark's {@code DateTimeUtils}/{@code IntervalUtils} compute them: a timestamp moves by days and
 * months on the session zone's wall clock, then by the rest as elapsed time. Static, allocation
 * free on fixed-offset zones (a zone with transitions resolves a local time through
 * {@link SessionZone}).
 */
public final class IntervalKernels {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
    private static final QueryContext[] NO_CONTEXT = new QueryContext[0];

    private IntervalKernels() {
    }

    /** Spark's {@code timestampAddDayTime}: whole days on the wall clock, then the rest as elapsed time. */
    public static long timestampAddDayTime(long ts, long dayTime, SessionZone zone) {
        long days = dayTime / MICROS_PER_DAY;
        return Math.addExact(addLocal(ts, 0, days, zone), dayTime - days * MICROS_PER_DAY);
    }

    /** Spark's {@code timestampAddMonths}: months on the wall clock (the day clamped to the month's length). */
    public static long timestampAddMonths(long ts, long months, SessionZone zone) {
        return addLocal(ts, (int) months, 0, zone);
    }

    /** Spark's {@code timestampAddInterval}: months, then days on the wall clock, then the microseconds. */
    public static long timestampAddInterval(long ts, int months, int days, long micros, SessionZone zone) {
        return Math.addExact(addLocal(ts, months, days, zone), micros);
    }

    /**
     * {@code ts} moved by months and days on the zone's wall clock, resolved as
     * {@code ZonedDateTime.plusMonths(..).plusDays(..)} does: the offset {@code ts} had when it is
     * still valid, else the zone's own resolution (a gap moves forward).
     */
    private static long addLocal(long ts, int months, long days, SessionZone zone) {
        if (months == 0 && days == 0) {
            return ts;
        }
        int offset = zone.offsetSeconds(ts);
        long local = ts + offset * MICROS_PER_SECOND;
        long day = Math.floorDiv(local, MICROS_PER_DAY);
        long timeOfDay = local - day * MICROS_PER_DAY;
        if (months != 0) {
            day = DateTimeKernels.addMonths(day, months);
        }
        long moved = Math.addExact(Math.multiplyExact(Math.addExact(day, days), MICROS_PER_DAY), timeOfDay);
        return zone.toUtc(moved, offset);
    }

    /** {@code timestamp_ntz} arithmetic: the wall clock is UTC's. */
    public static final SessionZone UTC = SessionZone.of(java.time.ZoneOffset.UTC);

    /** {@code a + b} of two intervals of one kind, failing on overflow as Spark's {@code addExact}. */
    public static long addExact(long a, long b, boolean months) {
        return months ? Math.addExact((int) a, (int) b) : Math.addExact(a, b);
    }

    public static long subtractExact(long a, long b, boolean months) {
        return months ? Math.subtractExact((int) a, (int) b) : Math.subtractExact(a, b);
    }

    public static long negateExact(long a, boolean months) {
        return months ? Math.negateExact((int) a) : Math.negateExact(a);
    }

    /** Spark's {@code MultiplyDTInterval}/{@code MultiplyYMInterval} by an integral number. */
    public static long multiply(long interval, long num, boolean months) {
        return months ? Math.toIntExact(Math.multiplyExact(interval, num)) : Math.multiplyExact(interval, num);
    }

    /** ... by a fractional number: rounded half up, as Guava's {@code DoubleMath.roundToLong}. */
    public static long multiply(long interval, double num, boolean months) {
        return roundHalfUp(interval * num, months);
    }

    public static long multiply(long interval, BigDecimal num, boolean months) {
        BigDecimal r = BigDecimal.valueOf(interval).multiply(num).setScale(0, RoundingMode.HALF_UP);
        return months ? r.intValueExact() : r.longValueExact();
    }

    /** Spark's {@code DivideDTInterval}/{@code DivideYMInterval} by an integral number: rounded half up. */
    public static long divide(long interval, long num, boolean months) {
        if (num == 0) {
            throw divideByZero();
        }
        if (interval == Long.MIN_VALUE && num == -1) {
            throw new ArithmeticException("long overflow");
        }
        long q = interval / num;
        long r = interval % num;
        // LongMath.divide(HALF_UP): away from zero when the remainder is at least half the divisor
        if (r != 0 && Math.abs(r) >= Math.abs(num) - Math.abs(r)) {
            q += (interval ^ num) < 0 ? -1 : 1;
        }
        return months ? Math.toIntExact(q) : q;
    }

    public static long divide(long interval, double num, boolean months) {
        if (num == 0) {
            throw divideByZero();
        }
        return roundHalfUp(interval / num, months);
    }

    public static long divide(long interval, BigDecimal num, boolean months) {
        if (num.signum() == 0) {
            throw divideByZero();
        }
        BigDecimal r = BigDecimal.valueOf(interval).divide(num, 0, RoundingMode.HALF_UP);
        return months ? r.intValueExact() : r.longValueExact();
    }

    private static long roundHalfUp(double v, boolean months) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new ArithmeticException("input is infinite or NaN");
        }
        double r = v >= 0 ? Math.floor(v + 0.5) : Math.ceil(v - 0.5);
        if (months ? r < Integer.MIN_VALUE || r > Integer.MAX_VALUE : r < -0x1p63 || r >= 0x1p63) {
            throw new ArithmeticException("rounded value is out of range for input " + v + " and rounding mode HALF_UP");
        }
        return (long) r;
    }

    private static SparkArithmeticException divideByZero() {
        return new SparkArithmeticException("INTERVAL_DIVIDED_BY_ZERO", Map.of(), NO_CONTEXT);
    }

    private static SparkArithmeticException intervalOverflow() {
        return new SparkArithmeticException("INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION", Map.of(), NO_CONTEXT);
    }

    /** Spark's {@code make_dt_interval}: days, hours, minutes and seconds (a decimal(18,6)) in microseconds. */
    public static long makeDayTime(long days, long hours, long mins, BigDecimal secs) {
        try {
            long micros = secs.movePointRight(6).longValueExact();
            micros = Math.addExact(micros, Math.multiplyExact(days, MICROS_PER_DAY));
            micros = Math.addExact(micros, Math.multiplyExact(hours, MICROS_PER_HOUR));
            return Math.addExact(micros, Math.multiplyExact(mins, MICROS_PER_MINUTE));
        } catch (ArithmeticException e) {
            throw intervalOverflow();
        }
    }

    /** Spark's {@code make_ym_interval}: years and months in months. */
    public static long makeYearMonth(long years, long months) {
        try {
            return Math.addExact(Math.multiplyExact((int) years, 12), (int) months);
        } catch (ArithmeticException e) {
            throw intervalOverflow();
        }
    }

    /**
     * Spark's {@code make_interval} into {@code out}'s 16 bytes; null (-1) when it overflows and
     * {@code fail} is off, else {@code ARITHMETIC_OVERFLOW}.
     */
    public static int makeInterval(long years, long months, long weeks, long days, long hours, long mins,
            BigDecimal secs, boolean fail, BytesOut out) {
        int m;
        int d;
        long micros;
        try {
            m = Math.addExact((int) months, Math.multiplyExact((int) years, 12));
            d = Math.addExact((int) days, Math.multiplyExact((int) weeks, 7));
            micros = secs.movePointRight(6).longValueExact();
            micros = Math.addExact(micros, Math.multiplyExact(hours, MICROS_PER_HOUR));
            micros = Math.addExact(micros, Math.multiplyExact(mins, MICROS_PER_MINUTE));
        } catch (ArithmeticException e) {
            if (fail) {
                throw io.tideway.engine.expr.ArithmeticErrors.overflow(e.getMessage(), null);
            }
            return -1;
        }
        out.reset().ensure(TemporalValues.CALENDAR_BYTES);
        TemporalValues.write(out.buffer(), 0, m, d, micros);
        out.length(TemporalValues.CALENDAR_BYTES);
        return TemporalValues.CALENDAR_BYTES;
    }

    /** The seconds of a day-time interval with their fraction, Spark's decimal(8,6). */
    public static BigDecimal seconds(long micros) {
        return BigDecimal.valueOf(micros % MICROS_PER_MINUTE, 6);
    }
}
