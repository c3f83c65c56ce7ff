package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark 4.0's variant functions: parse_json, try_parse_json, is_variant_null, variant_get,
 * try_variant_get, schema_of_variant (to_json of a variant is {@link ToJson}'s, casts
 * {@link VariantCasts}'); row code in {@link VariantKernels}.
 */
final class VariantFunctions {
    private static final String K = VariantKernels.class.getName() + ".";
    /** Spark's {@code ExpectsInputTypes(VariantType)}: only a NULL is cast. */
    static final InputType VARIANT = InputType.nullOnly(ErrorParams.type(DataTypes.VariantType),
            t -> t == DataTypes.VariantType, DataTypes.VariantType);

    private VariantFunctions() {
    }

    static void register() {
        FunctionRegistry.add(parseJson("parse_json", true));
        FunctionRegistry.add(parseJson("try_parse_json", false));
        FunctionRegistry.add(FunctionSpec.named("is_variant_null").inputs(VARIANT).strict().returns(DataTypes.BooleanType)
                .nullable(call -> false)
                .customCode((ctx, call) -> {
                    CodeValue a = ctx.gen(call.children().get(0));
                    CodeValue v = ctx.declare(DataTypes.BooleanType);
                    ctx.line(v.isNull() + " = false;");
                    ctx.line(v.value() + " = !" + a.isNull() + " && " + K + "isVariantNull(" + CodegenContext.args(a)
                            + ") ? 1L : 0L;");
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("schema_of_variant").inputs(VARIANT).strict().returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> {
                    String scratch = ctx.scratch();
                    ctx.set(out, K + "schemaOf(" + CodegenContext.args(a[0]) + ", " + scratch + ")", scratch);
                }));
        FunctionRegistry.add(variantGet("variant_get", true));
        FunctionRegistry.add(variantGet("try_variant_get", false));
    }

    private static FunctionSpec parseJson(String name, boolean failOnError) {
        return FunctionSpec.named(name).inputs(STRING).strict().returns(DataTypes.VariantType)
                .nullable(call -> !failOnError || call.children().get(0).nullable())
                .code((ctx, call, out, a) -> {
                    String scratch = ctx.scratch();
                    ctx.set(out, K + "parseJson(" + CodegenContext.args(a[0]) + ", " + failOnError + ", false, "
                            + scratch + ")", scratch);
                });
    }

    /**
     * variant_get(v, path[, type]): the type a string literal (default {@code variant}), which
     * Spark does not count as a child (the column is {@code variant_get(v, path)}); a literal path
     * is parsed once per call site.
     */
    private static FunctionSpec variantGet(String name, boolean failOnError) {
        return FunctionSpec.named(name).inputs(VARIANT, STRING, STRING).optional(2).strict()
                .coercion(call -> {
                    targetTypeOf(call.children(), name, call.sqlOrigin());
                    return call.children();
                })
                .returnsFromArgs(args -> targetTypeOf(args, name, null))
                .nullable(call -> true)
                .sql(call -> name + "(" + call.children().get(0).sql() + ", " + call.children().get(1).sql() + ")")
                .customCode((ctx, call) -> {
                    DataType to = call.dataType();
                    CodeValue v = ctx.declare(to);
                    CodeValue in = ctx.gen(call.children().get(0));
                    ctx.open("if (!" + in.isNull() + ")");
                    Expression pathArg = call.children().get(1);
                    String zone = zone(ctx);
                    String type = ctx.constant(to, DataType.class.getName());
                    String result = ctx.fresh("got");
                    if (pathArg instanceof Literal l) {
                        if (l.value() == null) {
                            ctx.line("Object " + result + " = null;");
                        } else {
                            String path;
                            try {
                                path = ctx.constant(VariantPath.parse(l.value().toString(), name), "Object");
                            } catch (RuntimeException badPath) { // Spark fails when a row is read, not before
                                path = ctx.fresh("path");
                                ctx.line("Object " + path + " = " + K + "path(\"" + escape(l.value().toString()) + "\", \""
                                        + name + "\");");
                            }
                            ctx.line("Object " + result + " = " + K + "get(" + CodegenContext.args(in) + ", " + path + ", "
                                    + type + ", " + failOnError + ", " + zone + ");");
                        }
                    } else {
                        CodeValue p = ctx.gen(pathArg);
                        ctx.line("Object " + result + " = " + p.isNull() + " ? null : " + K + "get(" + CodegenContext.args(in)
                                + ", " + CodegenContext.args(p) + ", \"" + name + "\", " + type + ", " + failOnError + ", "
                                + zone + ");");
                    }
                    VariantCast.unbox(ctx, v, result);
                    ctx.close();
                    return v;
                });
    }

    /** A Java string literal's body. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The cast's target type: a string literal parsed as a type, as Spark's {@code ExprUtils.evalTypeExpr}. */
    private static DataType targetTypeOf(java.util.List<Expression> args, String name, io.tideway.engine.expr.Origin origin) {
        if (args.size() < 3) {
            return DataTypes.VariantType;
        }
        Expression e = args.get(2);
        if (!(e instanceof Literal l) || !(l.value() instanceof String s)) {
            throw Unchecked.raise(new AnalysisException("INVALID_SCHEMA.NON_STRING_LITERAL",
                    Map.of("inputSchema", ErrorParams.expr(e.sql())), origin));
        }
        DataType t = JsonFunctions.schema(e, origin);
        if (!VariantCasts.castableNested(t)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", Map.of(
                    "sqlExpr", ErrorParams.expr(name + "(" + args.get(0).sql() + ", " + args.get(1).sql() + ")"),
                    "srcType", ErrorParams.type(DataTypes.VariantType), "targetType", ErrorParams.type(t)), origin));
        }
        return t;
    }

    static String zone(CodegenContext ctx) {
        return SessionZone.constant(ctx);
    }
}
