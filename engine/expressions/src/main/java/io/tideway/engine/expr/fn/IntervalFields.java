package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.YearMonthIntervalType;

import java.util.List;
import java.util.Map;

/**
 * The fields {@code extract} takes from an interval, Spark's {@code ExtractANSIIntervalYears},
 * {@code ...Months}, {@code ...Days}, {@code ...Hours}, {@code ...Minutes}, {@code ...Seconds}:
 * years an int, months a tinyint (the rest after whole years, with the interval's sign), days an
 * int, hours and minutes tinyints, seconds a decimal(8,6); of a calendar interval Spark's
 * {@code ExtractInterval*} (whole days of its microseconds count as days). A field outside the interval's kind is
 * {@code INVALID_EXTRACT_FIELD}.
 */
final class IntervalFields {
    private static final String M = IntervalKernels.class.getName() + ".";
    private static final long DAY = IntervalKernels.MICROS_PER_DAY;
    private static final long HOUR = IntervalKernels.MICROS_PER_HOUR;
    private static final long MINUTE = IntervalKernels.MICROS_PER_MINUTE;

    private IntervalFields() {
    }

    private static FunctionSpec field(String name, DataType result, String formula) {
        return FunctionSpec.named(name).inputs(InputType.ANY).returns(result)
                .code((ctx, call, out, a) -> ctx.set(out, formula.replace("$", a[0].value()))).check();
    }

    private static final FunctionSpec YEARS = field("extractansiintervalyears", DataTypes.IntegerType, "(long) ((int) $ / 12)");
    private static final FunctionSpec MONTHS = field("extractansiintervalmonths", DataTypes.ByteType, "(long) ((int) $ % 12)");
    static final FunctionSpec DAYS = field("extractansiintervaldays", DataTypes.IntegerType, "(long) (int) ($ / " + DAY + "L)");
    private static final FunctionSpec HOURS = field("extractansiintervalhours", DataTypes.ByteType,
            "(long) ($ % " + DAY + "L / " + HOUR + "L)");
    private static final FunctionSpec MINUTES = field("extractansiintervalminutes", DataTypes.ByteType,
            "(long) ($ % " + HOUR + "L / " + MINUTE + "L)");
    private static final FunctionSpec SECONDS = field("extractansiintervalseconds", new DecimalType(8, 6), M + "seconds($)");

    private static final String TV = io.tideway.engine.row.TemporalValues.class.getName() + ".";

    /** A field of a calendar interval (its 16 bytes), Spark's {@code ExtractIntervalYears}... */
    private static FunctionSpec calendarField(String name, DataType result, String formula) {
        return FunctionSpec.named(name).inputs(InputType.ANY).returns(result)
                .code((ctx, call, out, a) -> ctx.set(out, formula
                        .replace("$m", TV + "months(" + a[0].value() + ", " + a[0].offset() + ")")
                        .replace("$d", TV + "days(" + a[0].value() + ", " + a[0].offset() + ")")
                        .replace("$u", TV + "micros(" + a[0].value() + ", " + a[0].offset() + ")"))).check();
    }

    private static final FunctionSpec CAL_YEARS = calendarField("extractintervalyears", DataTypes.IntegerType, "(long) ($m / 12)");
    private static final FunctionSpec CAL_MONTHS = calendarField("extractintervalmonths", DataTypes.ByteType, "(long) ($m % 12)");
    /** Whole days of the microseconds count as days, as Spark's {@code getDays}; hours are what remains below a day. */
    private static final FunctionSpec CAL_DAYS = calendarField("extractintervaldays", DataTypes.IntegerType,
            "(long) Math.addExact($d, (int) ($u / " + DAY + "L))");
    private static final FunctionSpec CAL_HOURS = calendarField("extractintervalhours", DataTypes.ByteType,
            "$u % " + DAY + "L / " + HOUR + "L");
    private static final FunctionSpec CAL_MINUTES = calendarField("extractintervalminutes", DataTypes.ByteType,
            "$u % " + HOUR + "L / " + MINUTE + "L");
    private static final FunctionSpec CAL_SECONDS = calendarField("extractintervalseconds", new DecimalType(8, 6),
            M + "seconds($u)");

    /** The field of an interval source, shown as {@code shown}; null when the source is no ANSI interval. */
    static Expression extract(String shown, String field, String written, Expression source) {
        DataType t = source.dataType();
        FunctionSpec spec = null;
        if (t instanceof YearMonthIntervalType) {
            spec = switch (field) {
                case "YEAR", "Y", "YEARS", "YR", "YRS" -> YEARS;
                case "MONTH", "MON", "MONS", "MONTHS" -> MONTHS;
                default -> null;
            };
        } else if (t instanceof DayTimeIntervalType) {
            spec = switch (field) {
                case "DAY", "D", "DAYS" -> DAYS;
                case "HOUR", "H", "HOURS", "HR", "HRS" -> HOURS;
                case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> MINUTES;
                case "SECOND", "S", "SEC", "SECONDS", "SECS" -> SECONDS;
                default -> null;
            };
        } else if (t == DataTypes.CalendarIntervalType) {
            spec = switch (field) {
                case "YEAR", "Y", "YEARS", "YR", "YRS" -> CAL_YEARS;
                case "MONTH", "MON", "MONS", "MONTHS" -> CAL_MONTHS;
                case "DAY", "D", "DAYS" -> CAL_DAYS;
                case "HOUR", "H", "HOURS", "HR", "HRS" -> CAL_HOURS;
                case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> CAL_MINUTES;
                case "SECOND", "S", "SEC", "SECONDS", "SECS" -> CAL_SECONDS;
                default -> null;
            };
        } else {
            return null;
        }
        if (spec == null) {
            throw Unchecked.raise(new AnalysisException("INVALID_EXTRACT_FIELD",
                    Map.of("field", "`" + written + "`", "expr", ErrorParams.expr(source.sql())), CurrentOrigin.get()));
        }
        return RuntimeReplaceable.formatted(shown, List.of(source), new ScalarFunction(spec, spec.name(), List.of(source)));
    }
}
