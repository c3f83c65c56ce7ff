package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.expr.CastKernels;
import io.tideway.engine.expr.IntervalText;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.row.TemporalValues;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.YearMonthIntervalType;
import org.agrona.DirectBuffer;

/**
 * Casts to and from the interval types and {@code timestamp_ntz}, as Spark's {@code Cast} does:
 * between day-time (or year-month) interval types the value is truncated to the target's last
 * field; an interval becomes its ANSI text ({@code INTERVAL '1 02:00:00' DAY TO SECOND}); a
 * {@code timestamp_ntz} is the wall-clock time of a timestamp in the session zone and back, the
 * start of its day as a date, and its text without a zone. Called from {@code Cast.convert}.
 * Stateless.
 */
public final class TemporalCasts {
    private static final String K = TemporalCasts.class.getName() + ".";
    private static final long[] DAY_TIME_UNITS = {IntervalKernels.MICROS_PER_DAY, IntervalKernels.MICROS_PER_HOUR,
        IntervalKernels.MICROS_PER_MINUTE, 1L};

    private TemporalCasts() {
    }

    /** Whether this class casts {@code from} to {@code to}. */
    public static boolean applies(DataType from, DataType to) {
        if (from.equals(to)) {
            return false;
        }
        boolean ntz = from == DataTypes.TimestampNTZType || to == DataTypes.TimestampNTZType;
        boolean interval = isInterval(from) || isInterval(to);
        return ntz || interval && canCast(from, to);
    }

    /** Whether a cast from {@code from} to {@code to} involves an interval or a {@code timestamp_ntz}. */
    public static boolean involves(DataType from, DataType to) {
        return isInterval(from) || isInterval(to) || from == DataTypes.TimestampNTZType || to == DataTypes.TimestampNTZType;
    }

    /**
     * Spark's {@code Cast.canCast} for them: an interval to another of its kind or a string (and
     * back), an ANSI interval to an integral number (whole units of its last field) and back; a {@code timestamp_ntz}
     * to and from a string, a date or a timestamp.
     */
    public static boolean canCast(DataType from, DataType to) {
        if (from == DataTypes.StringType || to == DataTypes.StringType || from.getClass() == to.getClass()) {
            return true;
        }
        if (from == DataTypes.TimestampNTZType || to == DataTypes.TimestampNTZType) {
            DataType other = from == DataTypes.TimestampNTZType ? to : from;
            return other == DataTypes.DateType || other == DataTypes.TimestampType;
        }
        return IntervalFunctions.isAnsiInterval(from) && io.tideway.engine.expr.TypeCoercion.integral(to)
                || IntervalFunctions.isAnsiInterval(to) && io.tideway.engine.expr.TypeCoercion.integral(from);
    }

    /** Microseconds or months in one unit of an interval's last field, the unit a number counts. */
    private static long unit(DataType t) {
        return t instanceof DayTimeIntervalType d ? (d.endField() == 3 ? IntervalKernels.MICROS_PER_SECOND : DAY_TIME_UNITS[d.endField()])
                : ((YearMonthIntervalType) t).endField() == YearMonthIntervalType.YEAR() ? 12L : 1L;
    }

    private static boolean isInterval(DataType t) {
        return t instanceof DayTimeIntervalType || t instanceof YearMonthIntervalType || t == DataTypes.CalendarIntervalType;
    }

    /** The code casting the non-null {@code in} into {@code v} (declared by the caller). */
    public static void code(CodegenContext ctx, CodeValue in, CodeValue v) {
        DataType from = in.type();
        DataType to = v.type();
        ctx.open("if (!" + in.isNull() + ")");
        ctx.line(v.isNull() + " = false;");
        String x = in.value();
        if (to == DataTypes.StringType) {
            String scratch = ctx.scratch();
            String call;
            if (from == DataTypes.TimestampNTZType) {
                call = CastKernels.class.getName() + ".timestampToString(" + x + ", " + IntervalFunctions.UTC_ZONE + ", ";
            } else if (from == DataTypes.CalendarIntervalType) {
                call = K + "calendarToString(" + CodegenContext.args(in) + ", ";
            } else {
                call = K + "intervalToString(" + x + ", " + ctx.constant(from, DataType.class.getName()) + ", ";
            }
            ctx.set(v, call + scratch + ")", scratch);
        } else if (from == DataTypes.StringType && to == DataTypes.CalendarIntervalType) {
            String scratch = ctx.scratch();
            ctx.set(v, IntervalStrings.class.getName() + ".castToCalendar(" + CodegenContext.args(in) + ", " + scratch + ")",
                    scratch);
        } else if (from == DataTypes.StringType && IntervalFunctions.isAnsiInterval(to)) {
            String p = ctx.constant(new CastKernels.Parsed(), CastKernels.Parsed.class.getName());
            String kernel = to instanceof DayTimeIntervalType ? "castToDayTime(" : "castToYearMonth(";
            ctx.line(IntervalStrings.class.getName() + "." + kernel + CodegenContext.args(in) + ", ("
                    + to.getClass().getName() + ") " + ctx.constant(to, DataType.class.getName()) + ", " + p + ");");
            ctx.line(v.value() + " = " + p + ".l;");
        } else if (from == DataTypes.StringType) { // timestamp_ntz: the text read on UTC's wall clock
            String p = ctx.constant(new CastKernels.Parsed(), CastKernels.Parsed.class.getName());
            ctx.line(CastKernels.class.getName() + ".stringToTimestampNtz(" + CodegenContext.args(in) + ", "
                    + IntervalFunctions.UTC_ZONE + ", " + ctx.ansi() + ", " + p + ");");
            ctx.line(v.isNull() + " = " + p + ".isNull; " + v.value() + " = " + p + ".l;");
        } else if (from instanceof DayTimeIntervalType && to instanceof DayTimeIntervalType t) {
            long unit = DAY_TIME_UNITS[t.endField()];
            ctx.set(v, unit == 1 ? x : x + " - " + x + " % " + unit + "L");
        } else if (from instanceof YearMonthIntervalType && to instanceof YearMonthIntervalType t) {
            ctx.set(v, t.endField() == YearMonthIntervalType.MONTH() ? x : x + " - " + x + " % 12L");
        } else if (to == DataTypes.TimestampNTZType) {
            ctx.set(v, from == DataTypes.DateType ? "Math.multiplyExact(" + x + ", " + IntervalKernels.MICROS_PER_DAY + "L)"
                    : SessionZone.constant(ctx) + ".toLocal(" + x + ")");
        } else if (to == DataTypes.TimestampType) {
            ctx.set(v, SessionZone.constant(ctx) + ".toUtc(" + x + ")");
        } else if (to == DataTypes.DateType) {
            ctx.set(v, "Math.floorDiv(" + x + ", " + IntervalKernels.MICROS_PER_DAY + "L)");
        } else if (IntervalFunctions.isAnsiInterval(from)) { // whole units of the last field, toward zero; beyond the target fails
            String bits = to == DataTypes.IntegerType ? "32" : to == DataTypes.ShortType ? "16" : to == DataTypes.ByteType ? "8" : "64";
            ctx.set(v, K + "toIntegral(" + x + ", " + unit(from) + "L, " + bits + ", " + ctx.constant(from, DataType.class.getName())
                    + ", " + ctx.constant(to, DataType.class.getName()) + ")");
        } else if (IntervalFunctions.isAnsiInterval(to)) {
            ctx.set(v, to instanceof YearMonthIntervalType
                    ? "(long) Math.toIntExact(Math.multiplyExact(" + x + ", " + unit(to) + "L))"
                    : "Math.multiplyExact(" + x + ", " + unit(to) + "L)");
        } else {
            throw new io.tideway.engine.expr.codegen.UnsupportedExpression("cast " + from.simpleString() + " to "
                    + to.simpleString());
        }
        ctx.close();
    }

    /** An interval's whole units as an integral type of {@code bits}; Spark's {@code CAST_OVERFLOW} (naming the interval) outside it. */
    public static long toIntegral(long value, long unit, int bits, DataType from, DataType to) {
        long units = value / unit;
        if (bits < 64 && (units < -(1L << (bits - 1)) || units >= 1L << (bits - 1))) {
            String text = from instanceof DayTimeIntervalType d ? IntervalText.dayTime(value, d)
                    : IntervalText.yearMonth((int) value, (YearMonthIntervalType) from);
            throw io.tideway.engine.expr.ArithmeticErrors.castOverflow(text, from, to);
        }
        return units;
    }

    public static int intervalToString(long v, DataType type, BytesOut out) {
        String text = type instanceof DayTimeIntervalType t ? IntervalText.dayTime(v, t)
                : IntervalText.yearMonth((int) v, (YearMonthIntervalType) type);
        return out.reset().append(text).length();
    }

    public static int calendarToString(DirectBuffer buf, int off, int len, BytesOut out) {
        return out.reset().append(TemporalValues.decode(buf, off).toString()).length();
    }
}
