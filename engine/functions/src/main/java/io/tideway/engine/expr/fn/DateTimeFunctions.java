package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.CurrentTimestamp;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import static io.tideway.engine.expr.fn.InputType.ANY_TIMESTAMP;
import static io.tideway.engine.expr.fn.InputType.BOOLEAN;
import static io.tideway.engine.expr.fn.InputType.DATE;
import static io.tideway.engine.expr.fn.InputType.DOUBLE;
import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.InputType.INTEGRAL;
import static io.tideway.engine.expr.fn.InputType.LONG;
import static io.tideway.engine.expr.fn.InputType.STRING;
import static io.tideway.engine.expr.fn.InputType.TIMESTAMP;

/**
 * Spark's date and time functions, in the session time zone ({@link SessionZone}); their
 * implementations are in {@link DateTimeKernels}.
 */
final class DateTimeFunctions {
    private static final String K = DateTimeKernels.class.getName() + ".";

    /** Spark's day count argument: {@code TypeCollection(IntegerType, ShortType, ByteType)}; a string is cast to INT. */
    private static final InputType DAYS = new InputType("(\"INT\" or \"SMALLINT\" or \"TINYINT\")", t -> t == DataTypes.IntegerType || t == DataTypes.ShortType || t == DataTypes.ByteType,
            from -> from == DataTypes.NullType || from == DataTypes.StringType ? DataTypes.IntegerType : null);

    /** What a parse takes: {@code TypeCollection(StringType, DateType, TimestampType)}; no other type is cast. */
    private static final InputType TIME_SOURCE = InputType.nullOnly("(\"STRING\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\")",
            t -> t == DataTypes.StringType || t == DataTypes.DateType || t == DataTypes.TimestampType, DataTypes.StringType);

    private DateTimeFunctions() {
    }

    static void register() {
        FunctionRegistry.add("now", 0, 0, (name, a) -> new CurrentTimestamp("now"));
        // Spark names dateadd(d, n) date_add(d, n) in the column
        FunctionRegistry.add("dateadd", 2, 2, (name, a) -> FunctionRegistry.call("date_add", a));
        // Spark names curdate() current_date() in the column
        FunctionRegistry.add("curdate", 0, 0, (name, a) -> FunctionRegistry.call("current_date", a));
        FunctionRegistry.add(FunctionSpec.named("current_date").returns(DataTypes.DateType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "dateOf(" + batch(ctx) + ".batchTimestampMicros(), "
                        + zone(ctx) + ")")));

        // epoch conversions
        FunctionRegistry.add(FunctionSpec.named("unix_seconds").strict().inputs(TIMESTAMP).returns(DataTypes.LongType)
                .code((ctx, call, out, a) -> ctx.set(out, "Math.floorDiv(" + a[0].value() + ", 1000000L)")));
        FunctionRegistry.add(FunctionSpec.named("unix_millis").strict().inputs(TIMESTAMP).returns(DataTypes.LongType)
                .code((ctx, call, out, a) -> ctx.set(out, "Math.floorDiv(" + a[0].value() + ", 1000L)")));
        FunctionRegistry.add(FunctionSpec.named("unix_micros").strict().inputs(TIMESTAMP).returns(DataTypes.LongType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].value())));
        FunctionRegistry.add(FunctionSpec.named("unix_date").strict().inputs(DATE).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].value())));
        FunctionRegistry.add(FunctionSpec.named("date_from_unix_date").inputs(INT).returns(DataTypes.DateType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].value())));
        FunctionRegistry.add(FunctionSpec.named("timestamp_seconds").strict().inputs(InputType.NUMERIC_OR_DECIMAL).returns(DataTypes.TimestampType)
                .nullable(call -> call.children().get(0).nullable() || call.children().get(0).dataType() == DataTypes.DoubleType)
                .code((ctx, call, out, a) -> {
                    if (a[0].kind() == CodeValue.Kind.DOUBLE) { // NaN and infinities have no timestamp: null
                        ctx.line(out.isNull() + " = Double.isNaN(" + a[0].value() + ") || Double.isInfinite(" + a[0].value() + ");");
                    }
                    String seconds = a[0].kind() == CodeValue.Kind.DECIMAL
                            ? io.tideway.engine.expr.DecimalKernels.class.getName() + ".secondsToMicros(" + a[0].value() + ")"
                            : K + "secondsToMicros(" + a[0].value() + ")";
                    ctx.line("if (!" + out.isNull() + ") { " + out.value() + " = " + seconds + "; }");
                }));
        FunctionRegistry.add(FunctionSpec.named("timestamp_millis").strict().inputs(INTEGRAL).returns(DataTypes.TimestampType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "millisToMicros(" + a[0].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("timestamp_micros").strict().inputs(INTEGRAL).returns(DataTypes.TimestampType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].value())));

        // calendar fields of a date (a timestamp is cast to its date in the session zone)
        dateField("year", "year");
        dateField("quarter", "quarter");
        dateField("month", "month");
        dateField("dayofmonth", "dayOfMonth");
        dateField("day", "dayOfMonth");
        dateField("dayofweek", "dayOfWeek");
        dateField("weekday", "weekday");
        dateField("dayofyear", "dayOfYear");
        dateField("weekofyear", "weekOfYear");
        // fields of a time of day, in the session zone
        timeField("hour");
        timeField("minute");
        timeField("second");
        registerPatterns();
        FunctionRegistry.add(FunctionSpec.named("next_day").inputs(DATE, STRING).returns(DataTypes.DateType)
                .code((ctx, call, out, a) -> nullIfMin(ctx, out, K + "nextDay(" + a[0].value() + ", "
                        + CodegenContext.args(a[1]) + ", " + ctx.ansi() + ")")));
        FunctionRegistry.add(FunctionSpec.named("months_between").inputs(TIMESTAMP, TIMESTAMP, BOOLEAN).defaults(true)
                .returns(DataTypes.DoubleType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "monthsBetween(" + a[0].value() + ", " + a[1].value() + ", "
                        + a[2].value() + " != 0L, " + zone(ctx) + ")")));
        FunctionRegistry.add(FunctionSpec.named("timestampadd").inputs(STRING, LONG, TIMESTAMP).returns(DataTypes.TimestampType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "timestampAdd(" + CodegenContext.args(a[0]) + ", "
                        + a[1].value() + ", " + a[2].value() + ", " + zone(ctx) + ")")));
        FunctionRegistry.add(FunctionSpec.named("timestampdiff").inputs(STRING, TIMESTAMP, TIMESTAMP).returns(DataTypes.LongType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "timestampDiff(" + CodegenContext.args(a[0]) + ", "
                        + a[1].value() + ", " + a[2].value() + ", " + zone(ctx) + ")")));
        for (String name : new String[] {"make_timestamp", "make_timestamp_ltz", "try_make_timestamp", "try_make_timestamp_ltz"}) {
            boolean tryOnly = name.startsWith("try_");
            FunctionRegistry.add(FunctionSpec.named(name).inputs(INT, INT, INT, INT, INT, DOUBLE, STRING).optional(6)
                    .returns(DataTypes.TimestampType)
                    // Spark names try_make_timestamp without its time zone argument
                    .sql(call -> name.equals("try_make_timestamp") ? name + "(" + call.children().subList(0, 6).stream()
                            .map(Expression::sql).collect(java.util.stream.Collectors.joining(", ")) + ")" : call.callSql())
                    .nullable(call -> tryOnly || !call.ansi() || call.children().stream().anyMatch(e -> e.nullable())
                            || secondsMayBeNull(call.children().get(5)))
                    .code((ctx, call, out, a) -> {
                        String z = a.length == 7 ? zoneArg(ctx, a[6]) : zone(ctx);
                        nullIfMin(ctx, out, K + "makeTimestamp(" + a[0].value() + ", " + a[1].value() + ", " + a[2].value()
                                + ", " + a[3].value() + ", " + a[4].value() + ", " + a[5].value() + ", " + z + ", "
                                + (ctx.ansi() && !tryOnly) + ")");
                    }));
        }
        dayOrMonthName("dayname", "dayName");
        dayOrMonthName("monthname", "monthName");
        for (String name : new String[] {"extract", "date_part", "datepart"}) {
            FunctionRegistry.add(name, 2, 2, (n, a) -> extract(n, a.get(0), a.get(1)));
        }
        FunctionRegistry.add(FunctionSpec.named("typeof").inputs(InputType.ANY).returns(DataTypes.StringType)
                .nullable(call -> false)
                .customCode((ctx, call) -> stringConstant(ctx, call.children().get(0).dataType().simpleString())));

        // date arithmetic; like Spark, day counts wrap around as ints
        FunctionRegistry.add(FunctionSpec.named("date_add").inputs(DATE, DAYS).returns(DataTypes.DateType)
                .code((ctx, call, out, a) -> ctx.set(out, "(long) (int) (" + a[0].value() + " + " + a[1].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("date_sub").inputs(DATE, DAYS).returns(DataTypes.DateType)
                .code((ctx, call, out, a) -> ctx.set(out, "(long) (int) (" + a[0].value() + " - " + a[1].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("datediff", "date_diff").inputs(DATE, DATE).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, "(long) (int) (" + a[0].value() + " - " + a[1].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("add_months").inputs(DATE, INT).returns(DataTypes.DateType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "addMonths(" + a[0].value() + ", (int) " + a[1].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("last_day").inputs(DATE).returns(DataTypes.DateType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "lastDay(" + a[0].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("make_date").inputs(INT, INT, INT).returns(DataTypes.DateType).nullWithoutAnsi()
                .code((ctx, call, out, a) -> {
                    String r = ctx.fresh("date");
                    ctx.line("long " + r + " = " + K + "makeDate(" + a[0].value() + ", " + a[1].value() + ", "
                            + a[2].value() + ", " + ctx.ansi() + ");");
                    ctx.line(out.isNull() + " = " + r + " == Long.MIN_VALUE; " + out.value() + " = " + r + ";");
                }));
    }

    /** Formatting and parsing with Spark's datetime patterns, and the functions Spark defines through casts. */
    private static void registerPatterns() {
        FunctionRegistry.add(FunctionSpec.named("date_format").inputs(TIMESTAMP, STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> {
                    String scratch = ctx.scratch();
                    ctx.set(out, formats(ctx) + ".format(" + a[0].value() + ", " + zone(ctx) + ", "
                            + CodegenContext.args(a[1]) + ", " + scratch + ")", scratch);
                }));
        // window_time(window): the last microsecond the window holds, an event time a later window may aggregate again
        FunctionRegistry.add(FunctionSpec.named("window_time")
                .inputs(new InputType("\"STRUCT\"", t -> t instanceof io.tideway.sql.types.StructType, from -> null))
                .returns(DataTypes.TimestampType).nullable(call -> true)
                .customCode((ctx, call) -> {
                    io.tideway.sql.types.StructType window = (io.tideway.sql.types.StructType) call.children().get(0).dataType();
                    CodeValue v = ctx.declare(DataTypes.TimestampType);
                    CodeValue w = ctx.gen(call.children().get(0));
                    String reader = ctx.constant(new io.tideway.offheap.row.RowReader(window.length()),
                            io.tideway.offheap.row.RowReader.class.getName());
                    ctx.open("if (!" + w.isNull() + ")");
                    nullIfMin(ctx, v, K + "windowTime(" + reader + ", " + CodegenContext.args(w) + ", " + window.indexOf("end") + ")");
                    ctx.close();
                    return v;
                }));
        // Spark multiplies without an overflow check: from_unixtime(Long.MAX) wraps silently
        FunctionRegistry.add(FunctionSpec.named("from_unixtime").inputs(LONG, STRING).defaults(DEFAULT_PATTERN)
                .returns(DataTypes.StringType).nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    String scratch = ctx.scratch();
                    ctx.set(out, formats(ctx) + ".format(" + a[0].value() + " * 1000000L, " + zone(ctx) + ", "
                            + CodegenContext.args(a[1]) + ", " + scratch + ")", scratch);
                }));
        // to_timestamp_ltz is to_timestamp with the session's default timestamp type, TIMESTAMP_LTZ
        for (String to : new String[] {"to_timestamp", "to_timestamp_ltz"}) {
            FunctionRegistry.add(to, 1, 2, (name, a) -> a.size() == 1
                    ? new RuntimeReplaceable(name, a, new Cast(new ScalarFunction(TIMESTAMP_SOURCE, name, a), DataTypes.TimestampType))
                    : new ScalarFunction(PARSE, name, a));
        }
        // try_to_timestamp(x) is to_timestamp(x)'s cast as a try_cast: a number is seconds since the epoch
        FunctionRegistry.add("try_to_timestamp", 1, 2, (name, a) -> a.size() == 1
                ? new RuntimeReplaceable(name, a, Cast.tryCast(new ScalarFunction(TIMESTAMP_SOURCE, name, a), DataTypes.TimestampType))
                : new ScalarFunction(TRY_PARSE, name, a));
        FunctionRegistry.add("to_date", 1, 2, (name, a) -> new RuntimeReplaceable(name, a, new Cast(a.size() == 1
                ? new ScalarFunction(DATE_SOURCE, name, a) : new ScalarFunction(PARSE, "to_timestamp", a), DataTypes.DateType)));
        FunctionRegistry.add(unixTimestamp("unix_timestamp"));
        FunctionRegistry.add(unixTimestamp("to_unix_timestamp"));
        FunctionRegistry.add(FunctionSpec.named("current_timezone").returns(DataTypes.StringType)
                .nullable(call -> false)
                .customCode((ctx, call) -> stringConstant(ctx, ctx.evalContext().timeZone().getId())));
        // a timestamp shifted by a zone's offset: the wall-clock time in the zone, read as UTC, and back
        FunctionRegistry.add(FunctionSpec.named("from_utc_timestamp").inputs(TIMESTAMP, STRING).returns(DataTypes.TimestampType)
                .code((ctx, call, out, a) -> ctx.set(out, zoneArg(ctx, a[1]) + ".toLocal(" + a[0].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("to_utc_timestamp").inputs(TIMESTAMP, STRING).returns(DataTypes.TimestampType)
                .code((ctx, call, out, a) -> ctx.set(out, zoneArg(ctx, a[1]) + ".toUtc(" + a[0].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("trunc").inputs(DATE, STRING).returns(DataTypes.DateType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> nullIfMin(ctx, out, K + "truncDate(" + a[0].value() + ", "
                        + CodegenContext.args(a[1]) + ")")));
        // as Spark's TruncTimestamp, the timestamp is evaluated only for a known unit (an unknown one gives null first)
        FunctionRegistry.add(FunctionSpec.named("date_trunc").inputs(STRING, TIMESTAMP).returns(DataTypes.TimestampType)
                .nullable(call -> true)
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.TimestampType);
                    CodeValue unit = ctx.gen(call.children().get(0));
                    ctx.open("if (!" + unit.isNull() + " && " + K + "isTruncUnit(" + CodegenContext.args(unit) + "))");
                    CodeValue ts = ctx.gen(call.children().get(1));
                    ctx.open("if (!" + ts.isNull() + ")");
                    nullIfMin(ctx, v, K + "truncTimestamp(" + CodegenContext.args(unit) + ", " + ts.value() + ", " + zone(ctx) + ")");
                    ctx.close();
                    ctx.close();
                    return v;
                }));
    }

    private static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    /** What {@code to_char} formats: a number (Spark's DECIMAL), a date or a timestamp. */
    private static final InputType CHAR_SOURCE = new InputType("\"DECIMAL\"",
            t -> t.isNumeric() || t == DataTypes.DateType || t == DataTypes.TimestampType,
            from -> from == DataTypes.NullType ? DataTypes.createDecimalType(10, 0) : null);

    /**
     * {@code to_char}/{@code to_varchar} of a number in a number format ({@link NumberFormatter}), or
     * of a date or timestamp, which Spark rewrites to {@code date_format}; a binary's formats are
     * {@link CodecFunctions}'. Built by {@code CodecFunctions.toChar}, which sees the format first;
     * Spark names to_varchar to_char.
     */
    static final FunctionSpec TO_CHAR = FunctionSpec.named("to_char", "to_varchar").inputs(CHAR_SOURCE, STRING)
            .coercion(call -> {
                List<Expression> a = List.of(StringFunctions.castTo(call, 0, call.children().get(0), CHAR_SOURCE),
                        StringFunctions.castTo(call, 1, call.children().get(1), STRING));
                if (!isDatetime(a.get(0))) {
                    NumberParseFunctions.check(call, a.get(1)); // Spark's ToCharacter checks its format as to_number does
                }
                return a;
            })
            .returns(DataTypes.StringType)
            .sql(call -> (isDatetime(call.children().get(0)) ? "date_format" : "to_char") + "("
                    + call.children().get(0).sql() + ", " + call.children().get(1).sql() + ")")
            .code((ctx, call, out, a) -> {
                String scratch = ctx.scratch();
                DataType t = a[0].type();
                if (t == DataTypes.DateType || t == DataTypes.TimestampType) {
                    String micros = t == DataTypes.TimestampType ? a[0].value()
                            : zone(ctx) + ".toUtc(" + a[0].value() + " * " + DateTimeKernels.MICROS_PER_DAY + "L)";
                    ctx.set(out, formats(ctx) + ".format(" + micros + ", " + zone(ctx) + ", "
                            + CodegenContext.args(a[1]) + ", " + scratch + ")", scratch);
                    return;
                }
                // Spark casts the number to a decimal first: a double to DECIMAL(30,15)
                String value = a[0].kind() == CodeValue.Kind.DECIMAL ? a[0].value()
                        : a[0].kind() == CodeValue.Kind.DOUBLE ? "java.math.BigDecimal.valueOf(" + a[0].value()
                                + ").setScale(15, java.math.RoundingMode.HALF_UP)"
                        : "java.math.BigDecimal.valueOf(" + a[0].value() + ")";
                String formatter = ctx.constant(new NumberFormatter(), NumberFormatter.class.getName());
                ctx.set(out, formatter + ".format(" + value + ", " + CodegenContext.args(a[1]) + ", " + scratch + ")",
                        scratch);
            }).check();

    private static boolean isDatetime(Expression e) {
        return e.dataType() == DataTypes.DateType || e.dataType() == DataTypes.TimestampType;
    }

    /**
     * Spark takes make_timestamp's seconds as DECIMAL(16,6): its cast of a double, bigint or
     * string there may give null, which makes the call nullable (Tideway computes with the double).
     */
    private static boolean secondsMayBeNull(Expression seconds) {
        Expression given = seconds instanceof Cast c && c.isImplicit() ? c.child() : seconds;
        return Cast.forceNullable(given.dataType(), DataTypes.createDecimalType(16, 6));
    }

    /** What {@code to_timestamp(x)} casts: a string, date, timestamp, timestamp_ntz or number as it is; a boolean as a string. */
    private static final FunctionSpec TIMESTAMP_SOURCE = FunctionSpec.named("to_timestamp")
            .inputs(new InputType("(\"STRING\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"NUMERIC\")",
                    t -> t == DataTypes.StringType || t == DataTypes.DateType || t == DataTypes.TimestampType
                            || t == DataTypes.TimestampNTZType || t.isNumeric(),
                    from -> from == DataTypes.NullType || from == DataTypes.BooleanType ? DataTypes.StringType : null))
            .returns(types -> types.get(0)).code((ctx, call, out, a) -> ctx.assign(out, a[0])).check();
    /** What {@code to_date(x)} casts: a string, date or timestamp as it is; anything else as a string. */
    private static final FunctionSpec DATE_SOURCE = FunctionSpec.named("to_date")
            .inputs(InputType.anyOf(STRING, DATE, TIMESTAMP))
            .returns(types -> types.get(0)).code((ctx, call, out, a) -> ctx.assign(out, a[0])).check();
    /** {@code to_timestamp(s, fmt)}: parsed with the pattern; a text that does not match fails under ANSI rules. */
    private static final FunctionSpec PARSE = FunctionSpec.named("to_timestamp").inputs(TIME_SOURCE, STRING)
            .returns(DataTypes.TimestampType).nullWithoutAnsi()
            .code((ctx, call, out, a) -> micros(ctx, out, a, ctx.ansi())).check();
    /** {@code try_to_timestamp(s, fmt)}: null where {@code to_timestamp} fails. */
    private static final FunctionSpec TRY_PARSE = FunctionSpec.named("try_to_timestamp").inputs(TIME_SOURCE, STRING)
            .returns(DataTypes.TimestampType).nullable(call -> true)
            .code((ctx, call, out, a) -> micros(ctx, out, a, false)).check();

    /**
     * The timestamp (micros) of a string parsed with the pattern (null or Spark's error where it
     * does not match), of a timestamp as it is, or of the start of a date in the session zone.
     */
    private static void micros(CodegenContext ctx, CodeValue out, CodeValue[] a, boolean fail) {
        DataType t = a[0].type();
        if (t == DataTypes.TimestampType) {
            ctx.set(out, a[0].value());
        } else if (t == DataTypes.DateType) {
            ctx.set(out, zone(ctx) + ".toUtc(" + a[0].value() + " * " + DateTimeKernels.MICROS_PER_DAY + "L)");
        } else {
            nullIfMin(ctx, out, formats(ctx) + ".parse(" + CodegenContext.args(a[0]) + ", " + CodegenContext.args(a[1])
                    + ", " + zone(ctx) + ", " + fail + ", \"try_to_timestamp\")");
        }
    }

    /**
     * {@code unix_timestamp(x[, fmt])}: seconds since the epoch of a string parsed with the pattern,
     * a timestamp, or the start of a date in the session zone; with no argument, of the batch's time.
     */
    private static FunctionSpec unixTimestamp(String name) {
        return FunctionSpec.named(name).inputs(TIME_SOURCE, STRING)
                .defaults(new CurrentTimestamp(), DEFAULT_PATTERN)
                .returns(DataTypes.LongType).nullWithoutAnsi()
                .code((ctx, call, out, a) -> {
                    micros(ctx, out, a, ctx.ansi());
                    // Spark divides a timestamp's micros toward zero here (unix_seconds floors)
                    ctx.line("if (!" + out.isNull() + ") { " + out.value() + " = " + out.value() + " / 1000000L; }");
                });
    }

    /** A non-null string computed when the code is generated. */
    static CodeValue stringConstant(CodegenContext ctx, String value) {
        String k = ctx.constant(new UnsafeBuffer(value.getBytes(StandardCharsets.UTF_8)), "org.agrona.DirectBuffer");
        CodeValue v = ctx.declare(DataTypes.StringType);
        ctx.line(v.isNull() + " = false; " + v.value() + " = " + k + "; " + v.offset() + " = 0; " + v.length() + " = " + k
                + ".capacity();");
        return v;
    }

    /** {@code out} from a kernel call that returns {@link Long#MIN_VALUE} for null. */
    static void nullIfMin(CodegenContext ctx, CodeValue out, String call) {
        ctx.line(out.value() + " = " + call + ";");
        ctx.line(out.isNull() + " = " + out.value() + " == Long.MIN_VALUE;");
    }

    /** The zone a string argument names, through a field holding this call site's cache. */
    static String zoneArg(CodegenContext ctx, CodeValue name) {
        return ctx.constant(new ZoneLookup(), ZoneLookup.class.getName()) + ".get(" + CodegenContext.args(name) + ")";
    }

    /** A field holding this call site's pattern cache. */
    static String formats(CodegenContext ctx) {
        return ctx.constant(new DateTimeFormats(), DateTimeFormats.class.getName());
    }

    /**
     * {@code extract(field, source)} and {@code date_part}/{@code datepart}: the field (a string
     * literal, any case, Spark's abbreviations) picks the field function; the column keeps the call's
     * spelling, {@code extract(YEAR FROM ts)} or {@code date_part(MONTH, ts)}.
     */
    private static Expression extract(String name, Expression field,
            Expression source) {
        if (!(field instanceof Literal lit) || lit.value() != null && !(lit.value() instanceof String)) {
            throw Unchecked.raise(new AnalysisException("NON_FOLDABLE_ARGUMENT",
                    Map.of("funcName", "`" + name + "`", "paramName", "`field`", "paramType", "\"STRING\""),
                    CurrentOrigin.get()));
        }
        String shown = name.equals("date_part") ? name + "(%s, %s)" : name + "(%s FROM %s)";
        if (lit.value() == null) {
            return RuntimeReplaceable.formatted(shown, List.of(field, source),
                    new Cast(Literal.of(null), DataTypes.DoubleType));
        }
        String f = ((String) lit.value()).toUpperCase(Locale.ROOT);
        String shownField = shown.replaceFirst("%s", Matcher.quoteReplacement((String) lit.value()));
        // an interval's fields are other functions: which applies is known once the source is resolved
        return new ExtractField(shownField, f, (String) lit.value(), source);
    }

    /** {@code extract(field FROM source)} of a date or timestamp source, shown as {@code shownField}. */
    static Expression extractDatetime(String shownField, String f, String written, Expression source) {
        String fn = switch (f) {
            case "YEAR", "Y", "YEARS", "YR", "YRS" -> "year";
            case "YEAROFWEEK" -> "yearofweek";
            case "QUARTER", "QTR" -> "quarter";
            case "MONTH", "MON", "MONS", "MONTHS" -> "month";
            case "WEEK", "W", "WEEKS" -> "weekofyear";
            case "DAY", "D", "DAYS" -> "dayofmonth";
            case "DAYOFWEEK", "DOW" -> "dayofweek";
            case "DAYOFWEEK_ISO", "DOW_ISO" -> "isodow";
            case "DOY" -> "dayofyear";
            case "HOUR", "H", "HOURS", "HR", "HRS" -> "hour";
            case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> "minute";
            case "SECOND", "S", "SEC", "SECONDS", "SECS" -> "secondwithfraction";
            default -> throw Unchecked.raise(new AnalysisException("INVALID_EXTRACT_FIELD",
                    Map.of("field", "`" + written + "`", "expr", ErrorParams.expr(source.sql())),
                    CurrentOrigin.get()));
        };
        Expression value = switch (fn) { // fields with no SQL function of their own
            case "isodow" -> new ScalarFunction(ISO_DAY_OF_WEEK, fn, List.of(source));
            case "yearofweek" -> new ScalarFunction(YEAR_OF_WEEK, fn, List.of(source));
            case "secondwithfraction" -> new ScalarFunction(SECOND_WITH_FRACTION, fn, List.of(source));
            default -> FunctionRegistry.call(fn, source);
        };
        return RuntimeReplaceable.formatted(shownField, List.of(source), value);
    }

    private static final FunctionSpec ISO_DAY_OF_WEEK = dateFieldSpec("isodow", "isoDayOfWeek").check();
    private static final FunctionSpec YEAR_OF_WEEK = dateFieldSpec("yearofweek", "yearOfWeek").check();
    /** extract(SECOND FROM ts): the seconds with their fraction, Spark's decimal(8,6). */
    private static final FunctionSpec SECOND_WITH_FRACTION = FunctionSpec.named("secondwithfraction").inputs(ANY_TIMESTAMP)
            .returns(new io.tideway.sql.types.DecimalType(8, 6))
            .code((ctx, call, out, a) -> ctx.set(out, K + "secondWithFraction(" + a[0].value() + ", "
                    + IntervalFunctions.zoneOf(ctx, a[0].type()) + ")"))
            .check();

    /** {@code dayname}/{@code monthname}: the English three-letter name, from a table (no allocation). */
    private static void dayOrMonthName(String name, String kernel) {
        FunctionRegistry.add(FunctionSpec.named(name).inputs(DATE).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> {
                    String scratch = ctx.scratch();
                    ctx.set(out, K + kernel + "(" + a[0].value() + ", " + scratch + ")", scratch);
                }));
    }

    private static void dateField(String name, String kernel) {
        FunctionRegistry.add(dateFieldSpec(name, kernel));
    }

    /** A calendar field of a date, computed by {@code DateTimeKernels.<kernel>}. */
    private static FunctionSpec dateFieldSpec(String name, String kernel) {
        return FunctionSpec.named(name).inputs(DATE).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, K + kernel + "(" + a[0].value() + ")"));
    }

    private static void timeField(String name) {
        FunctionRegistry.add(FunctionSpec.named(name).inputs(ANY_TIMESTAMP).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, K + name + "(" + a[0].value() + ", "
                        + IntervalFunctions.zoneOf(ctx, a[0].type()) + ")")));
    }

    /** A field holding the session zone. */
    static String zone(CodegenContext ctx) {
        return SessionZone.constant(ctx);
    }

    /** A field holding the query's evaluation context, for the batch timestamp. */
    static String batch(CodegenContext ctx) {
        return ctx.constant(ctx.evalContext(), EvalContext.class.getName());
    }
}
