package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

import static io.tideway.engine.expr.fn.InputType.ANY;
import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.InputType.LONG;
import static io.tideway.engine.expr.fn.InputType.STRING;
import static io.tideway.engine.expr.fn.InputType.STRING_OR_BINARY;

/** Spark's string functions; their implementations are in {@link StringKernels}. */
final class StringFunctions {
    private static final String K = StringKernels.class.getName() + ".";

    private StringFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("upper", "ucase").inputs(STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "upper(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("lower", "lcase").inputs(STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "lower(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("length", "char_length", "character_length", "len").inputs(STRING_OR_BINARY)
                .returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].type() == DataTypes.BinaryType ? a[0].length()
                        : K + "numChars(" + CodegenContext.args(a[0]) + ")")));
        FunctionRegistry.add(FunctionSpec.named("octet_length").inputs(STRING_OR_BINARY).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].length())));
        FunctionRegistry.add(FunctionSpec.named("bit_length").inputs(STRING_OR_BINARY).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].length() + " * 8L")));
        FunctionRegistry.add(FunctionSpec.named("find_in_set").inputs(STRING, STRING).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "findInSet(" + CodegenContext.args(a[0], a[1]) + ")")));
        FunctionRegistry.add(FunctionSpec.named("split_part").inputs(STRING, STRING, INT).returns(DataTypes.StringType)
                .nullable(call -> true) // Spark's element_at over the split: always nullable
                .code((ctx, call, out, a) -> bytes(ctx, out, "splitPart(" + CodegenContext.args(a[0], a[1]) + ", "
                        + a[2].value())));
        FunctionRegistry.add(unary("initcap"));
        FunctionRegistry.add(FunctionSpec.named("reverse")
                .inputs(InputType.anyOf(STRING, InputType.named("\"ARRAY\"", ArrayFunctions.ARRAY)))
                .returns(types -> types.get(0) instanceof io.tideway.sql.types.ArrayType ? types.get(0) : DataTypes.StringType)
                .code((ctx, call, out, a) -> {
                    if (a[0].type() instanceof io.tideway.sql.types.ArrayType at) {
                        String o = CollectionCode.out(ctx);
                        ctx.set(out, CollectionCode.AK + "reverse(" + CodegenContext.args(a[0]) + ", "
                                + CollectionCode.type(ctx, at.elementType()) + ", " + o + ")", o);
                    } else {
                        bytes(ctx, out, "reverse(" + CodegenContext.args(a[0]));
                    }
                }));
        FunctionRegistry.add(FunctionSpec.named("ascii").inputs(STRING).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "ascii(" + CodegenContext.args(a[0]) + ")")));
        FunctionRegistry.add(FunctionSpec.named("chr", "char").inputs(LONG).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "chr(" + a[0].value())));
        FunctionRegistry.add(FunctionSpec.named("space").inputs(INT).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "space(" + a[0].value())));
        FunctionRegistry.add(FunctionSpec.named("repeat").inputs(STRING, INT).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "repeat(" + CodegenContext.args(a[0]) + ", " + a[1].value())));
        FunctionRegistry.add(FunctionSpec.named("left").inputs(STRING, INT).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "left(" + CodegenContext.args(a[0]) + ", " + a[1].value())));
        FunctionRegistry.add(FunctionSpec.named("right").inputs(STRING, INT).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "right(" + CodegenContext.args(a[0]) + ", " + a[1].value())));
        FunctionRegistry.add(FunctionSpec.named("substring", "substr").inputs(STRING_OR_BINARY, INT, INT).optional(2)
                .coercion(call -> withDefault(call, 3, Literal.of(Integer.MAX_VALUE)))
                .returns(types -> types.get(0) == DataTypes.BinaryType ? DataTypes.BinaryType : DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, (a[0].type() == DataTypes.BinaryType ? "substringBinary(" : "substring(")
                        + CodegenContext.args(a[0]) + ", " + a[1].value() + ", " + a[2].value())));
        for (String side : new String[] {"lpad", "rpad"}) {
            FunctionRegistry.add(FunctionSpec.named(side).inputs(STRING_OR_BINARY, INT, STRING_OR_BINARY).optional(2)
                    .coercion(call -> {
                        boolean binary = call.children().get(0).dataType() == DataTypes.BinaryType
                                && (call.children().size() < 3 || call.children().get(2).dataType() == DataTypes.BinaryType);
                        List<Expression> a = withDefault(call, 3, binary ? Literal.of(new byte[] {0}) : Literal.of(" "));
                        if (!binary) {
                            a.set(0, TypeCoercion.castIfNeeded(a.get(0), DataTypes.StringType));
                            a.set(2, TypeCoercion.castIfNeeded(a.get(2), DataTypes.StringType));
                        }
                        return a;
                    })
                    .returns(types -> types.get(0) == DataTypes.BinaryType ? DataTypes.BinaryType : DataTypes.StringType)
                    .code((ctx, call, out, a) -> bytes(ctx, out, (a[0].type() == DataTypes.BinaryType ? "padBinary(" : "pad(")
                            + CodegenContext.args(a[0]) + ", " + a[1].value() + ", " + CodegenContext.args(a[2]) + ", "
                            + side.equals("lpad"))));
        }
        trim("trim", true, true, "BOTH");
        trim("ltrim", true, false, "LEADING");
        trim("rtrim", false, true, "TRAILING");
        FunctionRegistry.add(FunctionSpec.named("btrim").inputs(STRING, STRING).optional(1).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "trim(" + CodegenContext.args(a[0]) + ", "
                        + (a.length > 1 ? CodegenContext.args(a[1]) : "null, 0, 0") + ", true, true")));
        FunctionRegistry.add(FunctionSpec.named("translate").inputs(STRING, STRING, STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "translate(" + CodegenContext.args(a) )));
        FunctionRegistry.add(FunctionSpec.named("replace").inputs(STRING, STRING, STRING).optional(2)
                .coercion(call -> cast(withDefault(call, 3, Literal.of("")), STRING))
                .returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "replace(" + CodegenContext.args(a))));
        FunctionRegistry.add(FunctionSpec.named("overlay").inputs(STRING_OR_BINARY, STRING_OR_BINARY, INT, INT).optional(3)
                .coercion(call -> {
                    List<Expression> a = withDefault(call, 4, Literal.of(-1));
                    boolean binary = a.get(0).dataType() == DataTypes.BinaryType && a.get(1).dataType() == DataTypes.BinaryType;
                    for (int i = 0; i < 2; i++) {
                        a.set(i, TypeCoercion.castIfNeeded(a.get(i), binary ? DataTypes.BinaryType : DataTypes.StringType));
                    }
                    for (int i = 2; i < 4; i++) {
                        a.set(i, castTo(call, i, a.get(i), INT));
                    }
                    return a;
                })
                .returns(types -> types.get(0) == DataTypes.BinaryType ? DataTypes.BinaryType : DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "overlay(" + CodegenContext.args(a[0], a[1]) + ", " + a[2].value()
                        + ", " + a[3].value() + ", " + (a[0].type() == DataTypes.BinaryType))));
        FunctionRegistry.add(FunctionSpec.named("instr").inputs(STRING, STRING).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "locate(" + CodegenContext.args(a[0], a[1]) + ", 1L)")));
        FunctionRegistry.add(FunctionSpec.named("locate", "position").inputs(STRING, STRING, INT).optional(2)
                .coercion(call -> cast(withDefault(call, 3, Literal.of(1)), STRING, STRING, INT))
                .returns(DataTypes.IntegerType)
                .nullable(call -> call.children().get(0).nullable() || call.children().get(1).nullable())
                .customCode((ctx, call) -> {
                    // Spark: a null start gives 0, not null
                    CodeValue v = ctx.declare(DataTypes.IntegerType);
                    CodeValue start = ctx.gen(call.children().get(2));
                    ctx.open("if (" + start.isNull() + ")");
                    ctx.line(v.isNull() + " = false; " + v.value() + " = 0L;");
                    ctx.orElse();
                    CodeValue r = ctx.nullSafe(DataTypes.IntegerType, call.children().subList(0, 2), (o, a) ->
                            ctx.set(o, K + "locate(" + CodegenContext.args(a[1], a[0]) + ", " + start.value() + ")"));
                    ctx.assign(v, r);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("substring_index").inputs(STRING, STRING, INT).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "substringIndex(" + CodegenContext.args(a[0], a[1]) + ", "
                        + a[2].value())));
        FunctionRegistry.add(FunctionSpec.named("concat").repeated(ANY)
                .coercion(call -> {
                    if (ConcatArrays.applies(call)) {
                        return ConcatArrays.coerce(call);
                    }
                    boolean binary = !call.children().isEmpty()
                            && call.children().stream().allMatch(e -> e.dataType() == DataTypes.BinaryType);
                    List<Expression> a = new ArrayList<>();
                    for (int i = 0; i < call.children().size(); i++) {
                        a.add(binary ? call.children().get(i) : castTo(call, i, call.children().get(i), STRING));
                    }
                    return a;
                })
                .returns(types -> ConcatArrays.applies(types) ? ConcatArrays.resultType(types)
                        : !types.isEmpty() && types.stream().allMatch(t -> t == DataTypes.BinaryType)
                        ? DataTypes.BinaryType : DataTypes.StringType)
                .code((ctx, call, out, a) -> {
                    if (out.type() instanceof io.tideway.sql.types.ArrayType) {
                        ConcatArrays.code(ctx, out, a);
                        return;
                    }
                    String scratch = ctx.scratch();
                    ctx.line(scratch + ".reset();");
                    for (CodeValue x : a) {
                        ctx.line(scratch + ".append(" + CodegenContext.args(x) + ");");
                    }
                    ctx.set(out, scratch + ".length()", scratch);
                }));
        FunctionRegistry.add(FunctionSpec.named("||").inputs(ANY, ANY)
                .coercion(call -> ConcatArrays.applies(call) ? ConcatArrays.coerce(call)
                        : cast(new ArrayList<>(call.children()), STRING, STRING))
                .returns(types -> ConcatArrays.applies(types) ? ConcatArrays.resultType(types) : DataTypes.StringType)
                .sql(call -> "concat(" + ConditionalFunctions.args(call.children()) + ")")
                .code((ctx, call, out, a) -> {
                    if (out.type() instanceof io.tideway.sql.types.ArrayType) {
                        ConcatArrays.code(ctx, out, a);
                        return;
                    }
                    String scratch = ctx.scratch();
                    ctx.line(scratch + ".reset().append(" + CodegenContext.args(a[0]) + ").append(" + CodegenContext.args(a[1])
                            + ");");
                    ctx.set(out, scratch + ".length()", scratch);
                }));
        FunctionRegistry.add(FunctionSpec.named("mask").inputs(STRING, ANY, ANY, ANY, ANY).optional(1)
                .coercion(StringFunctions::maskArgs)
                .returns(DataTypes.StringType)
                .nullable(call -> call.children().get(0).nullable())
                .customCode((ctx, call) -> {
                    List<Expression> a = call.children();
                    return ctx.nullSafe(DataTypes.StringType, a.subList(0, 1), (out, v) -> bytes(ctx, out, "mask("
                            + CodegenContext.args(v[0]) + ", " + maskChar(a.get(1)) + ", " + maskChar(a.get(2)) + ", "
                            + maskChar(a.get(3)) + ", " + maskChar(a.get(4))));
                }));
        FunctionRegistry.add(FunctionSpec.named("elt").inputs(INT).repeated(ANY).optional(2)
                .coercion(call -> {
                    List<Expression> a = new ArrayList<>();
                    a.add(castTo(call, 0, call.children().get(0), INT));
                    boolean binary = call.children().stream().skip(1).allMatch(e -> e.dataType() == DataTypes.BinaryType);
                    for (int i = 1; i < call.children().size(); i++) {
                        a.add(binary ? call.children().get(i) : castTo(call, i, call.children().get(i), STRING));
                    }
                    return a;
                })
                .returns(types -> types.stream().skip(1).allMatch(t -> t == DataTypes.BinaryType)
                        ? DataTypes.BinaryType : DataTypes.StringType)
                .nullable(call -> true)
                .customCode((ctx, call) -> {
                    // only the chosen argument runs, as in Spark
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue index = ctx.gen(call.children().get(0));
                    int n = call.children().size() - 1;
                    ctx.open("if (!" + index.isNull() + " && " + K + "eltInRange(" + index.value() + ", " + n + ", "
                            + ctx.ansi() + "))");
                    ctx.open("switch ((int) " + index.value() + ")");
                    for (int i = 1; i <= n; i++) {
                        ctx.open("case " + i + ":");
                        ctx.assign(v, ctx.gen(call.children().get(i)));
                        ctx.line("break;");
                        ctx.close();
                    }
                    ctx.line("default: break;");
                    ctx.close();
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("concat_ws").inputs(STRING).repeated(ANY).optional(1)
                .coercion(call -> {
                    List<Expression> a = new ArrayList<>();
                    for (int i = 0; i < call.children().size(); i++) {
                        Expression e = call.children().get(i);
                        a.add(i > 0 && e.dataType() instanceof io.tideway.sql.types.ArrayType at // an array's elements are joined too
                                ? TypeCoercion.castIfNeeded(e, DataTypes.createArrayType(DataTypes.StringType, at.containsNull()))
                                : castTo(call, i, e, STRING));
                    }
                    return a;
                })
                .returns(DataTypes.StringType)
                .nullable(call -> call.children().get(0).nullable())
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    CodeValue sep = ctx.gen(call.children().get(0));
                    ctx.open("if (!" + sep.isNull() + ")");
                    String scratch = ctx.scratch();
                    String first = ctx.fresh("first");
                    ctx.line(scratch + ".reset(); boolean " + first + " = true;");
                    for (Expression e : call.children().subList(1, call.children().size())) {
                        CodeValue x = ctx.gen(e);
                        if (e.dataType() instanceof io.tideway.sql.types.ArrayType) {
                            ctx.line("if (!" + x.isNull() + ") { " + first + " = " + ArrayKernels.class.getName() + ".joinInto("
                                    + CodegenContext.args(x, sep) + ", " + first + ", " + scratch + "); }");
                            continue;
                        }
                        ctx.line("if (!" + x.isNull() + ") { if (!" + first + ") { " + scratch + ".append("
                                + CodegenContext.args(sep) + "); } " + first + " = false; " + scratch + ".append("
                                + CodegenContext.args(x) + "); }");
                    }
                    ctx.line(v.isNull() + " = false; " + v.value() + " = " + scratch + ".buffer(); " + v.offset() + " = 0; "
                            + v.length() + " = " + scratch + ".length();");
                    ctx.close();
                    return v;
                }));
    }

    /** mask's arguments: the input, then four one-character string literals (or NULL: keep those characters). */
    private static List<Expression> maskArgs(ScalarFunction call) {
        List<Expression> a = new ArrayList<>(call.children());
        String[] defaults = {"X", "x", "n", null};
        String[] names = {"upperChar", "lowerChar", "digitChar", "otherChar"};
        while (a.size() < 5) {
            a.add(Literal.of(defaults[a.size() - 1]));
        }
        a.set(0, castTo(call, 0, a.get(0), STRING));
        ScalarFunction full = (ScalarFunction) call.withChildren(a);
        for (int i = 1; i < 5; i++) {
            Expression e = a.get(i);
            if (e.dataType() != DataTypes.StringType && e.dataType() != DataTypes.NullType) {
                throw full.unexpectedType(i, STRING, e.dataType());
            }
            if (e instanceof Literal l && l.value() instanceof String v && v.codePointCount(0, v.length()) != 1) {
                throw io.tideway.engine.error.Unchecked.raise(new io.tideway.sql.AnalysisException(
                        "DATATYPE_MISMATCH.INPUT_SIZE_NOT_ONE", java.util.Map.of("sqlExpr",
                        io.tideway.engine.error.ErrorParams.expr(full.sql()), "exprName", names[i - 1]), call.sqlOrigin()));
            }
        }
        return a;
    }

    /** A mask replacement as the kernel takes it: its code point, or -1 for NULL. */
    private static int maskChar(Expression e) {
        return e instanceof Literal l && l.value() instanceof String v ? v.codePointAt(0) : -1;
    }

    /** A one-string function whose kernel {@code name} writes the result. */
    private static FunctionSpec unary(String name) {
        return FunctionSpec.named(name).inputs(STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, name + "(" + CodegenContext.args(a[0])));
    }

    /**
     * trim, ltrim, rtrim: {@code trim(s)}, or SQL's {@code trim(trimStr, s)} named as Spark names it,
     * {@code TRIM(BOTH trimStr FROM s)}; the Java API and {@code TRIM(.. FROM ..)} build the latter too.
     */
    private static void trim(String name, boolean leading, boolean trailing, String side) {
        FunctionRegistry.add(FunctionSpec.named(name).inputs(STRING, STRING).optional(1).returns(DataTypes.StringType)
                .sql(call -> call.children().size() == 1 ? call.callSql()
                        : "TRIM(" + side + " " + call.children().get(0).sql() + " FROM " + call.children().get(1).sql() + ")")
                .code((ctx, call, out, a) -> bytes(ctx, out, "trim(" + (a.length == 1 ? CodegenContext.args(a[0]) + ", null, 0, 0"
                        : CodegenContext.args(a[1], a[0])) + ", " + leading + ", " + trailing)));
    }

    /** The call's arguments with {@code value} appended when it has fewer than {@code n}. */
    private static List<Expression> withDefault(ScalarFunction call, int n, Expression value) {
        List<Expression> a = new ArrayList<>(call.children());
        if (a.size() < n) {
            a.add(value);
        }
        for (int i = 0; i < a.size(); i++) {
            a.set(i, castTo(call, i, a.get(i), call.spec().input(i)));
        }
        return a;
    }

    /** {@code e} cast as {@code type} takes it (unchanged when it accepts it), or the call's type mismatch error. */
    static Expression castTo(ScalarFunction call, int i, Expression e, InputType type) {
        if (type.accepts(e.dataType())) {
            return e;
        }
        DataType to = type.implicitCast(e.dataType());
        if (to == null) {
            throw call.unexpectedType(i, type, e.dataType());
        }
        return TypeCoercion.castIfNeeded(e, to);
    }

    /** Each argument cast to its type (the last type repeats). */
    private static List<Expression> cast(List<Expression> a, InputType... types) {
        for (int i = 0; i < a.size(); i++) {
            InputType t = types[Math.min(i, types.length - 1)];
            if (!t.accepts(a.get(i).dataType())) {
                DataType to = t.implicitCast(a.get(i).dataType());
                if (to != null) {
                    a.set(i, TypeCoercion.castIfNeeded(a.get(i), to));
                }
            }
        }
        return a;
    }

    /** {@code out} from the kernel call {@code K.<call>, scratch)} that writes bytes into a fresh scratch buffer. */
    private static void bytes(CodegenContext ctx, CodeValue out, String call) {
        String scratch = ctx.scratch();
        ctx.set(out, K + call + ", " + scratch + ")", scratch);
    }
}
