package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.row.TemporalValues;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.YearMonthIntervalType;

import java.util.List;

import static io.tideway.engine.expr.fn.InputType.INT;

/**
 * Spark's interval arithmetic and constructors: {@code make_interval}, {@code make_dt_interval},
 * {@code make_ym_interval}, and the expressions Spark's analyser puts behind {@code + - * /} when
 * an operand is a date, a timestamp or an interval ({@code TimeAdd}, {@code DateAddYMInterval},
 * {@code SubtractTimestamps}, {@code MultiplyDTInterval}...), each shown as the operator the user
 * wrote. Implementations in {@link IntervalKernels}.
 */
public final class IntervalFunctions {
    private static final String K = IntervalKernels.class.getName() + ".";
    /** The wall clock of {@code timestamp_ntz} arithmetic, as generated code names it. */
    static final String UTC_ZONE = K + "UTC";
    private static final DataType DAY_TO_SECOND = DataTypes.DayTimeIntervalType;
    private static final DataType DAY = DataTypes.createDayTimeIntervalType((byte) 0, (byte) 0);
    private static final InputType SECONDS = InputType.exact(new DecimalType(18, 6));
    private static final java.math.BigDecimal ZERO_SECONDS = new java.math.BigDecimal("0.000000");

    private IntervalFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("make_dt_interval").inputs(INT, INT, INT, SECONDS)
                .defaults(0, 0, 0, ZERO_SECONDS).optional(0).returns(DAY_TO_SECOND)
                .code((ctx, call, out, a) -> ctx.set(out, K + "makeDayTime(" + a[0].value() + ", " + a[1].value() + ", "
                        + a[2].value() + ", " + a[3].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("make_ym_interval").inputs(INT, INT).defaults(0, 0).optional(0)
                .returns(DataTypes.createYearMonthIntervalType())
                .code((ctx, call, out, a) -> ctx.set(out, K + "makeYearMonth(" + a[0].value() + ", " + a[1].value() + ")")));
        for (String name : new String[] {"make_interval", "try_make_interval"}) {
            boolean tryOnly = name.startsWith("try_");
            FunctionRegistry.add(FunctionSpec.named(name).inputs(INT, INT, INT, INT, INT, INT, SECONDS)
                    .defaults(0, 0, 0, 0, 0, 0, ZERO_SECONDS).optional(0).returns(DataTypes.CalendarIntervalType)
                    .nullable(call -> tryOnly || !call.children().isEmpty() && call.children().stream().anyMatch(Expression::nullable))
                    .code((ctx, call, out, a) -> {
                        String scratch = ctx.scratch();
                        ctx.set(out, K + "makeInterval(" + a[0].value() + ", " + a[1].value() + ", " + a[2].value() + ", "
                                + a[3].value() + ", " + a[4].value() + ", " + a[5].value() + ", " + a[6].value() + ", "
                                + (ctx.ansi() && !tryOnly) + ", " + scratch + ")", scratch);
                    }));
        }
    }

    /** The session zone, or UTC's wall clock for a {@code timestamp_ntz}. */
    static String zoneOf(CodegenContext ctx, DataType t) {
        return t == DataTypes.TimestampNTZType ? UTC_ZONE : SessionZone.constant(ctx);
    }

    /** The three parts of a calendar interval value, for a kernel call. */
    private static String calendarParts(CodeValue c, boolean negate) {
        String tv = TemporalValues.class.getName() + ".";
        String at = c.value() + ", " + c.offset();
        String m = tv + "months(" + at + ")";
        String d = tv + "days(" + at + ")";
        String u = tv + "micros(" + at + ")";
        return negate ? "Math.negateExact(" + m + "), Math.negateExact(" + d + "), Math.negateExact(" + u + ")"
                : m + ", " + d + ", " + u;
    }

    /** A timestamp (or timestamp_ntz) plus or minus a day-time or calendar interval: Spark's {@code TimeAdd}. */
    private static FunctionSpec timeAdd(boolean subtract) {
        return FunctionSpec.named("timeadd").inputs(InputType.ANY, InputType.ANY).returns(types -> types.get(0))
                .sql(call -> call.children().get(0).sql() + (subtract ? " - " : " + ") + call.children().get(1).sql())
                .code((ctx, call, out, a) -> {
                    String z = zoneOf(ctx, a[0].type());
                    if (a[1].type() == DataTypes.CalendarIntervalType) {
                        ctx.set(out, K + "timestampAddInterval(" + a[0].value() + ", " + calendarParts(a[1], subtract) + ", "
                                + z + ")");
                    } else {
                        String by = subtract ? "Math.negateExact(" + a[1].value() + ")" : a[1].value();
                        ctx.set(out, K + "timestampAddDayTime(" + a[0].value() + ", " + by + ", " + z + ")");
                    }
                }).check();
    }

    private static final FunctionSpec TIME_ADD = timeAdd(false);
    private static final FunctionSpec TIME_SUB = timeAdd(true);

    /** A timestamp plus a year-month interval: Spark's {@code TimestampAddYMInterval}. */
    private static FunctionSpec timestampAddMonths(boolean subtract) {
        return FunctionSpec.named("timestampaddyminterval").inputs(InputType.ANY, InputType.ANY).returns(types -> types.get(0))
                .code((ctx, call, out, a) -> ctx.set(out, K + "timestampAddMonths(" + a[0].value() + ", "
                        + (subtract ? "-" : "") + a[1].value() + ", " + zoneOf(ctx, a[0].type()) + ")")).check();
    }

    private static final FunctionSpec TIMESTAMP_ADD_MONTHS = timestampAddMonths(false);
    private static final FunctionSpec TIMESTAMP_SUB_MONTHS = timestampAddMonths(true);

    /** A date plus a year-month interval: Spark's {@code DateAddYMInterval}. */
    private static FunctionSpec dateAddMonths(boolean subtract) {
        return FunctionSpec.named("dateaddyminterval").inputs(InputType.ANY, InputType.ANY).returns(DataTypes.DateType)
                .code((ctx, call, out, a) -> ctx.set(out, DateTimeKernels.class.getName() + ".addMonths(" + a[0].value()
                        + ", (int) " + (subtract ? "-" : "") + a[1].value() + ")")).check();
    }

    private static final FunctionSpec DATE_ADD_MONTHS = dateAddMonths(false);
    private static final FunctionSpec DATE_SUB_MONTHS = dateAddMonths(true);

    /**
     * Spark's {@code SubtractTimestamps}: the difference of the wall-clock times in the session zone
     * (across a daylight-saving change it is not the elapsed time), an {@code interval day to second}.
     */
    private static final FunctionSpec SUBTRACT_TIMESTAMPS = FunctionSpec.named("subtracttimestamps")
            .inputs(InputType.ANY, InputType.ANY).returns(DAY_TO_SECOND)
            .code((ctx, call, out, a) -> {
                String z = zoneOf(ctx, a[0].type());
                ctx.set(out, "Math.subtractExact(" + z + ".toLocal(" + a[0].value() + "), " + z + ".toLocal(" + a[1].value() + "))");
            })
            .check();

    /** Spark's {@code SubtractDates}: whole days, an {@code interval day}. */
    private static final FunctionSpec SUBTRACT_DATES = FunctionSpec.named("subtractdates")
            .inputs(InputType.ANY, InputType.ANY).returns(DAY)
            .code((ctx, call, out, a) -> ctx.set(out, "Math.multiplyExact(" + a[0].value() + " - " + a[1].value() + ", "
                    + IntervalKernels.MICROS_PER_DAY + "L)"))
            .check();

    /** Two intervals of one kind added or subtracted, failing on overflow. */
    private static FunctionSpec intervalOp(boolean subtract) {
        return FunctionSpec.named(subtract ? "subtract" : "add").inputs(InputType.ANY, InputType.ANY)
                .returns(types -> types.get(0))
                .code((ctx, call, out, a) -> ctx.set(out, K + (subtract ? "subtractExact(" : "addExact(") + a[0].value()
                        + ", " + a[1].value() + ", " + (a[0].type() instanceof YearMonthIntervalType) + ")")).check();
    }

    private static final FunctionSpec INTERVAL_ADD = intervalOp(false);
    private static final FunctionSpec INTERVAL_SUB = intervalOp(true);

    /** An interval times or divided by a number: Spark's {@code MultiplyDTInterval}, {@code DivideYMInterval}... */
    private static FunctionSpec scale(boolean divide) {
        return FunctionSpec.named(divide ? "divide" : "multiply").inputs(InputType.ANY, InputType.ANY)
                .returns(types -> types.get(0) instanceof DayTimeIntervalType ? DAY_TO_SECOND
                        : DataTypes.createYearMonthIntervalType())
                .nullable(call -> call.children().get(0).nullable() || call.children().get(1).nullable())
                .code((ctx, call, out, a) -> {
                    String num = a[1].kind() == CodeValue.Kind.LONG ? "(long) " + a[1].value() : a[1].value();
                    ctx.set(out, K + (divide ? "divide(" : "multiply(") + a[0].value() + ", " + num + ", "
                            + (a[0].type() instanceof YearMonthIntervalType) + ")");
                }).check();
    }

    private static final FunctionSpec MULTIPLY = scale(false);
    private static final FunctionSpec DIVIDE = scale(true);

    /** {@code - interval}, failing on overflow. */
    private static final FunctionSpec NEGATE = FunctionSpec.named("negative").inputs(InputType.ANY)
            .returns(types -> types.get(0))
            .code((ctx, call, out, a) -> ctx.set(out, K + "negateExact(" + a[0].value() + ", "
                    + (a[0].type() instanceof YearMonthIntervalType) + ")"))
            .check();

    /** A timestamp moved by a constant day-time interval: the timestamp operand and the signed microseconds. */
    public record Shift(Expression timestamp, long micros) {
    }

    /** {@code ts ± INTERVAL ...} with a day-time interval literal (stream-stream join bounds read it), else null. */
    public static Shift shift(Expression e) {
        if (e instanceof RuntimeReplaceable r && r.children().get(0) instanceof ScalarFunction f
                && (f.spec() == TIME_ADD || f.spec() == TIME_SUB)
                && f.children().get(1) instanceof io.tideway.engine.expr.Literal lit
                && lit.dataType() instanceof DayTimeIntervalType && lit.value() != null) {
            long v = TemporalValues.toLong(lit.value());
            return new Shift(f.children().get(0), f.spec() == TIME_ADD ? v : -v);
        }
        return null;
    }

    static boolean isAnsiInterval(DataType t) {
        return t instanceof DayTimeIntervalType || t instanceof YearMonthIntervalType;
    }

    private static boolean isTimestamp(DataType t) {
        return t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType;
    }

    private static Expression call(FunctionSpec spec, Expression... args) {
        return new ScalarFunction(spec, spec.name(), List.of(args));
    }

    private static Expression shown(String format, Expression l, Expression r, Expression value) {
        return RuntimeReplaceable.formatted(format, List.of(l, r), value);
    }

    /** {@code - x} of an interval, or null when {@code x} is not one. */
    public static Expression negate(Expression x, String sql) {
        if (!isAnsiInterval(x.dataType())) {
            return null;
        }
        return RuntimeReplaceable.formatted(sql.replace("%", "%%"), List.of(), call(NEGATE, x));
    }

    /**
     * Spark's {@code BinaryArithmeticWithDatetimeResolver}: the expression {@code l op r} stands for
     * when an operand is a date, a timestamp or an interval, shown as {@code sql}; null when
     * neither is (ordinary arithmetic applies).
     */
    public static Expression resolve(BinaryArithmetic.Op op, Expression l, Expression r, String sql) {
        DataType a = l.dataType();
        DataType b = r.dataType();
        String format = sql.replace("%", "%%");
        switch (op) {
            case ADD, SUBTRACT -> {
                boolean sub = op == BinaryArithmetic.Op.SUBTRACT;
                String shownOp = "%s " + (sub ? "-" : "+") + " %s";
                if (!sub && isInterval(a) && (isTimestamp(b) || b == DataTypes.DateType)) {
                    return resolve(op, r, l, r.sql() + " + " + l.sql()); // Spark swaps interval + datetime
                }
                if (a instanceof YearMonthIntervalType && b instanceof DayTimeIntervalType) {
                    // Spark reads it as TimeAdd(l, r), whose first argument must be a timestamp
                    throw new ScalarFunction(TIME_ADD, "timeadd", List.of(l, r)).unexpectedType(0, InputType.ANY_TIMESTAMP, a);
                }
                if (isAnsiInterval(a) && isAnsiInterval(b) && a.getClass() == b.getClass()) {
                    DataType t = io.tideway.engine.expr.CommonType.of(a, b, false);
                    return shown(format, List.of(), call(sub ? INTERVAL_SUB : INTERVAL_ADD,
                            TypeCoercion.castIfNeeded(l, t), TypeCoercion.castIfNeeded(r, t)));
                }
                if (b instanceof YearMonthIntervalType) {
                    if (a == DataTypes.DateType) {
                        return shown(shownOp, l, r, call(sub ? DATE_SUB_MONTHS : DATE_ADD_MONTHS, l, r));
                    }
                    if (isTimestamp(a) || a == DataTypes.StringType) {
                        Expression ts = isTimestamp(a) ? l : TypeCoercion.castIfNeeded(l, DataTypes.TimestampType);
                        return shown(shownOp, l, r, call(sub ? TIMESTAMP_SUB_MONTHS : TIMESTAMP_ADD_MONTHS, ts, r));
                    }
                }
                if (b instanceof DayTimeIntervalType d) {
                    if (a == DataTypes.DateType && d.startField() == 0 && d.endField() == 0) {
                        Expression days = call(IntervalFields.DAYS, r);
                        return FunctionRegistry.call(sub ? "date_sub" : "date_add", l, days);
                    }
                    if (isTimestamp(a) || a == DataTypes.DateType || a == DataTypes.StringType) {
                        Expression ts = isTimestamp(a) ? l : TypeCoercion.castIfNeeded(l, DataTypes.TimestampType);
                        return shown(shownOp, l, r, call(sub ? TIME_SUB : TIME_ADD, ts, r));
                    }
                }
                if (!sub && b == DataTypes.DateType && !isInterval(a) && a != DataTypes.DateType && !isTimestamp(a)) {
                    return resolve(op, r, l, sql); // Spark's DateAdd(r, l)
                }
                if (a == DataTypes.DateType && !isInterval(b) && b != DataTypes.DateType && !isTimestamp(b)
                        && !(sub && b == DataTypes.StringType)) {
                    // Spark's DateAdd/DateSub; a string is first read as a date (which date_add then refuses)
                    Expression days = b == DataTypes.StringType ? TypeCoercion.castIfNeeded(r, DataTypes.DateType) : r;
                    return ((io.tideway.engine.expr.Coercible) FunctionRegistry.call(sub ? "date_sub" : "date_add", l, days))
                            .coerceTypes();
                }
                if (b == DataTypes.CalendarIntervalType && (isTimestamp(a) || a == DataTypes.DateType)) {
                    Expression ts = isTimestamp(a) ? l : TypeCoercion.castIfNeeded(l, DataTypes.TimestampType);
                    return shown(shownOp, l, r, call(sub ? TIME_SUB : TIME_ADD, ts, r));
                }
                if (sub && (isTimestamp(a) && (isTimestamp(b) || b == DataTypes.DateType || b == DataTypes.StringType)
                        || a == DataTypes.DateType && isTimestamp(b))) {
                    DataType t = a == DataTypes.TimestampNTZType && b == DataTypes.TimestampNTZType
                            ? DataTypes.TimestampNTZType : DataTypes.TimestampType;
                    return shown(format, List.of(), call(SUBTRACT_TIMESTAMPS,
                            TypeCoercion.castIfNeeded(l, t), TypeCoercion.castIfNeeded(r, t)));
                }
                if (sub && a == DataTypes.DateType && (b == DataTypes.DateType || b == DataTypes.StringType)) {
                    return shown(format, List.of(), call(SUBTRACT_DATES, l,
                            TypeCoercion.castIfNeeded(r, DataTypes.DateType)));
                }
                return null;
            }
            case MULTIPLY, DIVIDE -> {
                boolean divide = op == BinaryArithmetic.Op.DIVIDE;
                if (!divide && isAnsiInterval(b) && (a.isNumeric() || a == DataTypes.StringType)) {
                    return resolve(op, r, l, "(" + r.sql() + " * " + l.sql() + ")"); // Spark puts the interval first
                }
                if (isAnsiInterval(a) && (b.isNumeric() || b == DataTypes.NullType)) {
                    Expression num = b == DataTypes.NullType ? TypeCoercion.castIfNeeded(r, DataTypes.LongType) : r;
                    return shown(format, List.of(), call(divide ? DIVIDE : MULTIPLY, l, num));
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean isInterval(DataType t) {
        return isAnsiInterval(t) || t == DataTypes.CalendarIntervalType;
    }

    private static Expression shown(String format, List<Expression> args, Expression value) {
        return RuntimeReplaceable.formatted(format, args, value);
    }
}
