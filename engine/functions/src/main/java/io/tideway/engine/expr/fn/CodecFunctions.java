package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.CommonType;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.ANY;
import static io.tideway.engine.expr.fn.InputType.BINARY_FROM_STRING;
import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's encoding and hashing string functions: base64/unbase64, hex/unhex, encode/decode
 * (and decode's CASE-like form), md5, sha1/sha, sha2, crc32, hash, xxhash64, to_binary and
 * try_to_binary, to_char/to_varchar of binaries; implementations in {@link CodecKernels} and
 * {@link HashKernels}.
 */
final class CodecFunctions {
    private static final String K = CodecKernels.class.getName() + ".";
    private static final String H = HashKernels.class.getName() + ".";

    /**
     * base64(bin): its second input is hidden (the column is named {@code base64(b)}), the
     * session's {@code spark.sql.chunkBase64String.enabled} when the call was built, as Spark's
     * {@code Base64(child, chunkBase64)}.
     */
    private static final FunctionSpec BASE64 = FunctionSpec.named("base64").inputs(BINARY_FROM_STRING, InputType.BOOLEAN)
            .returns(DataTypes.StringType)
            .nullable(call -> call.children().get(0).nullable())
            .sql(call -> "base64(" + call.children().get(0).sql() + ")")
            .customCode((ctx, call) -> {
                boolean chunked = !(call.children().get(1) instanceof io.tideway.engine.expr.Literal l)
                        || !Boolean.FALSE.equals(l.value());
                return ctx.nullSafe(call.dataType(), call.children().subList(0, 1),
                        (out, a) -> bytes(ctx, out, "base64(" + CodegenContext.args(a[0]) + ", " + chunked));
            }).check();

    private CodecFunctions() {
    }

    static void register() {
        FunctionRegistry.add("base64", 1, 1, (name, a) -> new ScalarFunction(BASE64, name,
                java.util.List.of(a.get(0), io.tideway.engine.expr.Literal.of(io.tideway.engine.expr.SessionConf.chunkBase64()))));
        FunctionRegistry.add(FunctionSpec.named("unbase64").inputs(STRING).returns(DataTypes.BinaryType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "unbase64(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("hex").inputs(InputType.HEXABLE).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, a[0].kind() == CodeValue.Kind.LONG ? "hexLong(" + a[0].value()
                        : "hex(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("unhex").inputs(STRING).returns(DataTypes.BinaryType).nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "unhex(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("encode").inputs(STRING, STRING).returns(DataTypes.BinaryType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "encode(" + CodegenContext.args(a[0], a[1]))));
        FunctionRegistry.add(FunctionSpec.named("decode").repeated(ANY).optional(2)
                .coercion(CodecFunctions::decodeArgs)
                .returns(types -> types.size() == 2 ? DataTypes.StringType : CommonType.of(results(types), true))
                .nullable(call -> call.children().size() == 2 || call.children().size() % 2 == 1
                        || call.children().stream().skip(2).anyMatch(Expression::nullable))
                .customCode(CodecFunctions::decode));
        FunctionRegistry.add(digest("md5", "MD5"));
        FunctionRegistry.add(digest("sha1", "SHA-1", "sha"));
        FunctionRegistry.add(FunctionSpec.named("sha2").inputs(BINARY_FROM_STRING, INT).returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "sha2(" + CodegenContext.args(a[0]) + ", " + a[1].value())));
        FunctionRegistry.add(FunctionSpec.named("crc32").inputs(BINARY_FROM_STRING).returns(DataTypes.LongType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "crc32(" + CodegenContext.args(a[0]) + ")")));
        FunctionRegistry.add(hash("hash", DataTypes.IntegerType, "murmur", "42"));
        FunctionRegistry.add(hash("xxhash64", DataTypes.LongType, "xx", "42L"));
        FunctionRegistry.add(toBinary("to_binary", false));
        FunctionRegistry.add(toBinary("try_to_binary", true));
        FunctionRegistry.add("to_char", 2, 2, CodecFunctions::toChar);
        FunctionRegistry.add("to_varchar", 2, 2, CodecFunctions::toChar);
    }

    private static FunctionSpec digest(String name, String algorithm, String... aliases) {
        return FunctionSpec.named(name, aliases).inputs(BINARY_FROM_STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "digest(\"" + algorithm + "\", " + CodegenContext.args(a[0])));
    }

    /** hash and xxhash64: every argument folded into the running hash from seed 42; a null leaves it as it is. */
    private static FunctionSpec hash(String name, DataType result, String prefix, String seed) {
        return FunctionSpec.named(name).repeated(ANY).optional(1).returns(result).nullable(call -> false)
                .coercion(call -> {
                    for (Expression e : call.children()) {
                        if (VariantCast.containsVariant(e.dataType())) {
                            throw io.tideway.engine.error.Unchecked.raise(new io.tideway.sql.AnalysisException(
                                    "DATATYPE_MISMATCH.HASH_VARIANT_TYPE", java.util.Map.of("sqlExpr",
                                    io.tideway.engine.error.ErrorParams.expr(call.sql()), "functionName",
                                    io.tideway.engine.error.ErrorParams.id(name)), call.sqlOrigin()));
                        }
                        if (CollectionHash.holdsMap(e.dataType())) {
                            throw io.tideway.engine.error.Unchecked.raise(new io.tideway.sql.AnalysisException(
                                    "DATATYPE_MISMATCH.HASH_MAP_TYPE", java.util.Map.of("sqlExpr",
                                    io.tideway.engine.error.ErrorParams.expr(call.sql()), "functionName",
                                    io.tideway.engine.error.ErrorParams.id(name)), call.sqlOrigin()));
                        }
                    }
                    return call.children();
                })
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(result);
                    ctx.line(v.isNull() + " = false; " + v.value() + " = " + seed + ";");
                    String cast = result == DataTypes.IntegerType ? "(int) " : "";
                    for (Expression e : call.children()) {
                        CodeValue a = ctx.gen(e);
                        DataType t = a.type();
                        String fn;
                        String arg;
                        if (t == DataTypes.NullType) {
                            continue;
                        } else if (t == DataTypes.IntegerType || t == DataTypes.DateType || t == DataTypes.BooleanType
                                || t == DataTypes.ByteType || t == DataTypes.ShortType) {
                            fn = "Int";
                            arg = a.value();
                        } else if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
                            fn = "Long";
                            arg = a.value();
                        } else if (t == DataTypes.DoubleType) {
                            fn = "Double";
                            arg = a.value();
                        } else if (t == DataTypes.FloatType) {
                            fn = "Float";
                            arg = a.value();
                        } else if (t instanceof io.tideway.sql.types.DecimalType d) {
                            fn = "Decimal";
                            arg = a.value() + ", " + d.precision();
                        } else if (t instanceof io.tideway.sql.types.ArrayType) {
                            ctx.line("if (!" + a.isNull() + ") { " + v.value() + " = " + CollectionHash.class.getName() + "."
                                    + prefix + "Array(" + CodegenContext.args(a) + ", " + CollectionCode.type(ctx, t) + ", "
                                    + cast + v.value() + "); }");
                            continue;
                        } else {
                            fn = "Bytes";
                            arg = CodegenContext.args(a);
                        }
                        ctx.line("if (!" + a.isNull() + ") { " + v.value() + " = " + H + prefix + fn + "(" + arg + ", "
                                + cast + v.value() + "); }");
                    }
                    return v;
                });
    }

    /** to_binary(str[, fmt]): fmt a literal 'hex' (the default), 'utf-8', 'utf8' or 'base64', any case; a NULL fmt gives null. */
    private static FunctionSpec toBinary(String name, boolean tryMode) {
        return FunctionSpec.named(name).inputs(STRING, STRING).optional(1).returns(DataTypes.BinaryType)
                // only hex can fail on a value (null for try_to_binary)
                .nullable(call -> format(call).equals("hex") || call.children().stream().anyMatch(Expression::nullable))
                .coercion(call -> {
                    List<Expression> a = new ArrayList<>();
                    for (int i = 0; i < call.children().size(); i++) {
                        a.add(StringFunctions.castTo(call, i, call.children().get(i), STRING));
                    }
                    format(call);
                    return a;
                })
                .code((ctx, call, out, a) -> bytes(ctx, out, "toBinary(" + CodegenContext.args(a[0]) + ", \"" + format(call)
                        + "\", " + tryMode));
    }

    private static String format(ScalarFunction call) {
        if (call.children().size() < 2) {
            return "hex";
        }
        Expression f = call.children().get(1);
        if (f instanceof Cast c) {
            f = c.child();
        }
        if (f instanceof Literal l && l.value() == null) {
            return "hex"; // the null format makes the call null before the kernel runs
        }
        String fmt = f instanceof Literal l && l.value() instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
        if (fmt == null || !List.of("hex", "utf-8", "utf8", "base64").contains(fmt)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.INVALID_ARG_VALUE", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "inputName", "fmt", "requireType", "case-insensitive \"STRING\"",
                    "validValues", "'hex', 'utf-8', 'utf8', or 'base64'", "inputValue",
                    f instanceof Literal l ? ErrorParams.value(String.valueOf(l.value())) : f.sql()), call.sqlOrigin()));
        }
        return fmt;
    }

    /** to_char/to_varchar of a binary, which Spark rewrites to decode, hex or base64 by the format. */
    private static Expression toChar(String name, List<Expression> a) {
        Expression fmt = a.get(1);
        String f = fmt instanceof Literal l && l.value() instanceof String s ? s.toLowerCase(Locale.ROOT) : "";
        return switch (f) {
            case "hex" -> FunctionRegistry.call("hex", a.get(0));
            case "base64" -> FunctionRegistry.call("base64", a.get(0));
            case "utf-8", "utf8" -> FunctionRegistry.call("decode", a.get(0), fmt);
            default -> new ScalarFunction(DateTimeFunctions.TO_CHAR, name, a); // a number or a datetime
        };
    }

    /** decode(bin, charset), or the CASE-like decode(v, search1, result1, ..., [default]) where NULL matches NULL. */
    private static List<Expression> decodeArgs(ScalarFunction call) {
        List<Expression> a = new ArrayList<>(call.children());
        if (a.size() == 2) {
            a.set(0, StringFunctions.castTo(call, 0, a.get(0), BINARY_FROM_STRING));
            a.set(1, StringFunctions.castTo(call, 1, a.get(1), STRING));
            return a;
        }
        List<Expression> keys = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        keys.add(a.get(0));
        for (int i = 1; i < a.size(); i++) {
            (i % 2 == 1 && i < a.size() - 1 ? keys : values).add(a.get(i));
        }
        List<Expression> k = ConditionalFunctions.common(keys, true, call.sql(), "decode", false);
        List<Expression> v = ConditionalFunctions.common(values, true, call.sql(), "decode", false);
        List<Expression> out = new ArrayList<>();
        out.add(k.get(0));
        int ki = 1;
        int vi = 0;
        for (int i = 1; i < a.size(); i++) {
            out.add(i % 2 == 1 && i < a.size() - 1 ? k.get(ki++) : v.get(vi++));
        }
        return out;
    }

    /** The result types of a CASE-like decode: every second argument from the third, and a trailing default. */
    private static List<DataType> results(List<DataType> types) {
        List<DataType> r = new ArrayList<>();
        for (int i = 2; i < types.size(); i += 2) {
            r.add(types.get(i));
        }
        if (types.size() % 2 == 0) {
            r.add(types.get(types.size() - 1));
        }
        return r;
    }

    private static CodeValue decode(CodegenContext ctx, ScalarFunction call) {
        List<Expression> a = call.children();
        if (a.size() == 2) {
            return ctx.nullSafe(DataTypes.StringType, a, (out, v) -> bytes(ctx, out, "decode(" + CodegenContext.args(v[0], v[1])));
        }
        CodeValue v = ctx.declare(call.dataType());
        CodeValue x = ctx.gen(a.get(0));
        int opened = 0;
        for (int i = 1; i + 1 < a.size(); i += 2) {
            CodeValue key = ctx.gen(a.get(i));
            ctx.open("if (" + x.isNull() + " ? " + key.isNull() + " : !" + key.isNull() + " && "
                    + Comparison.compareCode(x, key) + " == 0)");
            ctx.assign(v, ctx.gen(a.get(i + 1)));
            ctx.orElse();
            opened++;
        }
        if (a.size() % 2 == 0) {
            ctx.assign(v, ctx.gen(a.get(a.size() - 1)));
        }
        for (int i = 0; i < opened; i++) {
            ctx.close();
        }
        return v;
    }

    private static void bytes(CodegenContext ctx, CodeValue out, String call) {
        String scratch = ctx.scratch();
        ctx.set(out, K + call + ", " + scratch + ")", scratch);
    }
}
