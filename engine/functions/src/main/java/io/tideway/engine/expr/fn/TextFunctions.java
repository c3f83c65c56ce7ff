package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

import static io.tideway.engine.expr.fn.InputType.ANY;
import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's formatting and text-matching string functions: format_string/printf, format_number,
 * levenshtein, soundex, luhn_check, parse_url/try_parse_url and uuid; implementations in
 * {@link TextKernels}.
 */
final class TextFunctions {
    private static final String K = TextKernels.class.getName() + ".";

    private TextFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("format_string", "printf").repeated(ANY).optional(1)
                .coercion(call -> {
                    List<Expression> a = new ArrayList<>(call.children());
                    a.set(0, StringFunctions.castTo(call, 0, a.get(0), STRING));
                    return a;
                })
                .returns(DataTypes.StringType)
                .nullable(call -> call.children().get(0).nullable())
                .customCode(TextFunctions::formatString));
        FunctionRegistry.add(FunctionSpec.named("format_number").inputs(InputType.NUMERIC_ONLY, InputType.anyOf(INT, STRING))
                .returns(DataTypes.StringType).nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    boolean integral = a[0].kind() == CodeValue.Kind.LONG;
                    String value = (integral ? "0.0, true, " + a[0].value() : a[0].value() + ", false, 0L");
                    String format = a[1].kind() == CodeValue.Kind.LONG ? a[1].value() : CodegenContext.args(a[1]);
                    bytes(ctx, out, "formatNumber(" + value + ", " + format);
                }));
        FunctionRegistry.add(FunctionSpec.named("levenshtein").inputs(STRING, STRING, INT).optional(2)
                .returns(DataTypes.IntegerType)
                .nullable(call -> call.children().get(0).nullable() || call.children().get(1).nullable())
                .customCode((ctx, call) -> {
                    // Spark: a NULL threshold counts as 0
                    String threshold = "(long) Integer.MAX_VALUE";
                    if (call.children().size() == 3) {
                        CodeValue t = ctx.gen(call.children().get(2));
                        threshold = "(" + t.isNull() + " ? 0L : " + t.value() + ")";
                    }
                    String limit = threshold;
                    return ctx.nullSafe(DataTypes.IntegerType, call.children().subList(0, 2), (out, a) ->
                            ctx.set(out, K + "levenshtein(" + CodegenContext.args(a[0], a[1]) + ", " + limit + ")"));
                }));
        FunctionRegistry.add(FunctionSpec.named("soundex").inputs(InputType.STRING_ONLY).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "soundex(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("luhn_check").inputs(STRING).returns(DataTypes.BooleanType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> ctx.set(out, K + "luhn(" + CodegenContext.args(a[0]) + ") ? 1L : 0L")));
        FunctionRegistry.add(parseUrl("parse_url", true));
        FunctionRegistry.add(parseUrl("try_parse_url", false));
        // uuid([seed]): Spark's RandomUUIDGenerator, its seed hidden as shuffle's (RandomSeedArgument)
        FunctionSpec uuid = FunctionSpec.named("uuid").inputs(ANY).returns(DataTypes.StringType)
                .nullable(call -> false)
                .sql(call -> "uuid()")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    String rng = ctx.constant(RandomSeedArgument.generator(ctx, call.children().get(0)),
                            MersenneTwister.class.getName());
                    String scratch = ctx.scratch();
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, K + "uuid(" + rng + ", " + scratch + ")", scratch);
                    return v;
                }).check();
        FunctionRegistry.add("uuid", 0, 1, (name, a) -> new ScalarFunction(uuid, name,
                List.of(RandomSeedArgument.of(a.isEmpty() ? null : a.get(0), "UUID"))));
    }

    /** parse_url(url, part[, key]); an unparsable URL fails ({@code INVALID_URL}) under ANSI when {@code failing}, else is null. */
    private static FunctionSpec parseUrl(String name, boolean failing) {
        return FunctionSpec.named(name).inputs(STRING, STRING, STRING).optional(2).returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "parseUrl(" + CodegenContext.args(a[0], a[1]) + ", "
                        + (a.length == 3 ? CodegenContext.args(a[2]) : "null, 0, 0") + ", " + (failing && ctx.ansi())));
    }

    /** The format runs with each argument as Spark passes it to {@link java.util.Formatter} (null prints "null"). */
    private static CodeValue formatString(CodegenContext ctx, ScalarFunction call) {
        List<Expression> a = call.children();
        CodeValue v = ctx.declare(DataTypes.StringType);
        CodeValue fmt = ctx.gen(a.get(0));
        ctx.open("if (!" + fmt.isNull() + ")");
        String args = ctx.fresh("args");
        ctx.line("Object[] " + args + " = new Object[" + (a.size() - 1) + "];");
        for (int i = 1; i < a.size(); i++) {
            CodeValue x = ctx.gen(a.get(i));
            DataType t = x.type();
            String boxed;
            if (t == DataTypes.StringType) {
                boxed = K + "text(" + x.isNull() + ", " + CodegenContext.args(x) + ")";
            } else if (t == DataTypes.IntegerType || t == DataTypes.DateType) {
                boxed = "Integer.valueOf((int) " + x.value() + ")";
            } else if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
                boxed = "Long.valueOf(" + x.value() + ")";
            } else if (t == DataTypes.DoubleType) {
                boxed = "Double.valueOf(" + x.value() + ")";
            } else if (t == DataTypes.BooleanType) {
                boxed = "Boolean.valueOf(" + x.value() + " != 0L)";
            } else if (t == DataTypes.NullType) {
                boxed = "null";
            } else {
                boxed = "java.util.Arrays.toString(new byte[0])"; // binaries have no Formatter form Spark prints stably
            }
            ctx.line(args + "[" + (i - 1) + "] = " + x.isNull() + " ? null : " + boxed + ";");
        }
        String scratch = ctx.scratch();
        ctx.line(v.isNull() + " = false;");
        ctx.set(v, K + "format(" + CodegenContext.args(fmt) + ", " + args + ", " + scratch + ")", scratch);
        ctx.close();
        return v;
    }

    private static void bytes(CodegenContext ctx, CodeValue out, String call) {
        String scratch = ctx.scratch();
        ctx.set(out, K + call + ", " + scratch + ")", scratch);
    }
}
