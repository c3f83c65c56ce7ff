package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;

import static io.tideway.engine.expr.fn.InputType.DOUBLE;
import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's {@code timestamp_ntz} functions: {@code localtimestamp()}, {@code to_timestamp_ntz},
 * {@code make_timestamp_ntz} and {@code convert_timezone}. A {@code timestamp_ntz} is a wall-clock
 * time, so its arithmetic runs on UTC's calendar ({@link IntervalKernels#UTC}); casts to and from
 * it are {@link TemporalCasts}.
 */
final class TimestampNtzFunctions {
    private static final String K = DateTimeKernels.class.getName() + ".";

    /** A {@code timestamp_ntz} argument: a timestamp, date or string is cast to one (in the session zone). */
    static final InputType NTZ = new InputType("\"TIMESTAMP_NTZ\"", t -> t == DataTypes.TimestampNTZType,
            from -> from == DataTypes.NullType || from == DataTypes.StringType || from == DataTypes.DateType
                    || from == DataTypes.TimestampType ? DataTypes.TimestampNTZType : null);

    private TimestampNtzFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("localtimestamp").returns(DataTypes.TimestampNTZType)
                .nullable(call -> false)
                .code((ctx, call, out, a) -> ctx.set(out, DateTimeFunctions.zone(ctx) + ".toLocal("
                        + DateTimeFunctions.batch(ctx) + ".batchTimestampMicros())")));
        FunctionRegistry.add("to_timestamp_ntz", 1, 2, (name, a) -> a.size() == 1
                ? new RuntimeReplaceable(name, a, new Cast(a.get(0), DataTypes.TimestampNTZType))
                : new ScalarFunction(PARSE, name, a));
        for (String name : new String[] {"make_timestamp_ntz", "try_make_timestamp_ntz"}) {
            boolean tryOnly = name.startsWith("try_");
            FunctionRegistry.add(FunctionSpec.named(name).inputs(INT, INT, INT, INT, INT, DOUBLE)
                    .returns(DataTypes.TimestampNTZType)
                    .nullable(call -> tryOnly || call.children().stream().anyMatch(e -> e.nullable()))
                    .code((ctx, call, out, a) -> DateTimeFunctions.nullIfMin(ctx, out, K + "makeTimestamp(" + a[0].value() + ", "
                            + a[1].value() + ", " + a[2].value() + ", " + a[3].value() + ", " + a[4].value() + ", " + a[5].value()
                            + ", " + IntervalFunctions.UTC_ZONE + ", " + (ctx.ansi() && !tryOnly) + ")")));
        }
        FunctionRegistry.add("convert_timezone", 2, 3, (name, a) -> a.size() == 3 ? new ScalarFunction(CONVERT, name, a)
                : new ScalarFunction(CONVERT, name, java.util.List.of(FunctionRegistry.call("current_timezone"), a.get(0), a.get(1))));
    }

    private static final FunctionSpec CONVERT = FunctionSpec.named("convert_timezone").inputs(STRING, STRING, NTZ)
            .returns(DataTypes.TimestampNTZType)
            .code((ctx, call, out, a) -> ctx.set(out, DateTimeFunctions.zoneArg(ctx, a[1]) + ".toLocal("
                    + DateTimeFunctions.zoneArg(ctx, a[0]) + ".toUtc(" + a[2].value() + "))"))
            .check();

    /** {@code to_timestamp_ntz(s, fmt)}: the text parsed with the pattern on UTC's wall clock. */
    private static final FunctionSpec PARSE = FunctionSpec.named("to_timestamp_ntz")
            .inputs(InputType.nullOnly("(\"STRING\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\")",
                    t -> t == DataTypes.StringType, DataTypes.StringType), STRING)
            .returns(DataTypes.TimestampNTZType)
            .code((ctx, call, out, a) -> DateTimeFunctions.nullIfMin(ctx, out, DateTimeFunctions.formats(ctx) + ".parse("
                    + CodegenContext.args(a[0]) + ", " + CodegenContext.args(a[1]) + ", " + IntervalFunctions.UTC_ZONE + ", "
                    + ctx.ansi() + ", \"try_to_timestamp\")"))
            .check();
}
