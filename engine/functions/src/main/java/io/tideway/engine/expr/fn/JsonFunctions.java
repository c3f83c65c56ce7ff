package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Foldable;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.format.JsonOptions;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DdlParseException;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.ANY;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's JSON functions: {@code to_json} ({@link ToJson}), {@code from_json} ({@link FromJson}),
 * {@code get_json_object} ({@link JsonPath}), {@code schema_of_json}, {@code json_object_keys} and
 * {@code json_array_length} ({@link JsonKernels}). Options are a map of string literals (the Java
 * API's {@code Map} becomes one), read when the code is generated; a schema is a string literal
 * (DDL or a type), or {@code schema_of_json} of one. The JSON text is read and written by the same
 * classes as the JSON file source and sink ({@code io.tideway.engine.format}). Registered once,
 * immutable after.
 */
final class JsonFunctions {
    private JsonFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("to_json").inputs(ANY, ANY).optional(1)
                .coercion(call -> {
                    DataType t = call.children().get(0).dataType();
                    if (!(t instanceof StructType || t instanceof ArrayType || t instanceof MapType || t == DataTypes.NullType
                            || t == DataTypes.VariantType)) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.INVALID_JSON_SCHEMA", Map.of("sqlExpr",
                                ErrorParams.expr(call.sql()), "schema", ErrorParams.type(t)), call.sqlOrigin()));
                    }
                    return call.children();
                })
                .returns(DataTypes.StringType)
                .nullable(call -> true)
                .sql(call -> "to_json(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    Expression child = call.children().get(0);
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    if (child.dataType() == DataTypes.NullType) {
                        return v;
                    }
                    CodeValue a = ctx.gen(child);
                    String w = ctx.constant(new ToJson(child.dataType(), ctx.evalContext().timeZone(), options(call, 1)),
                            ToJson.class.getName());
                    String scratch = ctx.scratch();
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, w + ".write(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("from_json").inputs(STRING, ANY, ANY).optional(2).strict()
                .coercion(call -> {
                    Expression json = call.children().get(0);
                    if (json.dataType() != DataTypes.StringType && json.dataType() != DataTypes.NullType) {
                        throw call.unexpectedType(0, STRING, json.dataType());
                    }
                    schema(call.children().get(1), call.sqlOrigin()); // its errors point at the call, as Spark's
                    return call.children();
                })
                .returnsFromArgs(args -> asNullable(schema(args.get(1), null)))
                .nullable(call -> true)
                .sql(call -> isMap(call.children().get(1)) ? "entries" : "from_json(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue a = ctx.gen(call.children().get(0));
                    String r = ctx.constant(new FromJson(call.dataType(), ctx.evalContext().timeZone(), options(call, 2)),
                            FromJson.class.getName());
                    String out = CollectionCode.out(ctx);
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, r + ".read(" + CodegenContext.args(a) + ", " + out + ")", out);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("get_json_object").inputs(STRING, STRING)
                .returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    String p = ctx.constant(new JsonPath(), JsonPath.class.getName());
                    String scratch = ctx.scratch();
                    ctx.set(out, p + ".get(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                }));
        FunctionRegistry.add(FunctionSpec.named("schema_of_json").inputs(STRING, ANY).optional(1)
                .coercion(call -> {
                    requireFoldableText(call, "json");
                    return call.children();
                })
                .returns(DataTypes.StringType)
                .nullable(call -> false)
                .sql(call -> "schema_of_json(" + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    CodeValue a = ctx.gen(call.children().get(0));
                    String mapper = ctx.constant(JsonOptions.mapper(options(call, 1)), "com.fasterxml.jackson.databind.ObjectMapper");
                    String scratch = ctx.scratch();
                    ctx.open("if (!" + a.isNull() + ")");
                    ctx.set(v, JsonKernels.class.getName() + ".schemaOf(" + CodegenContext.args(a) + ", " + mapper + ", "
                            + scratch + ")", scratch);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("json_object_keys").inputs(STRING).strict()
                .returns(DataTypes.createArrayType(DataTypes.StringType, true))
                .nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, JsonKernels.class.getName() + ".objectKeys(" + CodegenContext.args(a) + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("json_array_length").inputs(STRING).strict()
                .returns(DataTypes.IntegerType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    ctx.set(out, JsonKernels.class.getName() + ".arrayLength(" + CodegenContext.args(a) + ")");
                    ctx.line(out.isNull() + " = " + out.value() + " < 0;");
                }));
    }

    /** The options of a call: its argument {@code index}, a map of string literals, if given. */
    /** {@code schema_of_json}/{@code schema_of_csv}: their text must be a constant, Spark's {@code NON_FOLDABLE_INPUT}. */
    static void requireFoldableText(ScalarFunction call, String inputName) {
        Expression text = call.children().get(0);
        if (!Foldable.of(text)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "inputName", "`" + inputName + "`", "inputType", "\"STRING\"",
                    "inputExpr", ErrorParams.expr(text.sql()))));
        }
    }

    static Map<String, String> options(ScalarFunction call, int index) {
        Map<String, String> options = new HashMap<>();
        if (call.children().size() <= index) {
            return options;
        }
        List<Expression> kv = call.children().get(index).children();
        for (int i = 0; i + 1 < kv.size(); i += 2) {
            if (kv.get(i) instanceof Literal k && kv.get(i + 1) instanceof Literal v && k.value() != null) {
                options.put(String.valueOf(k.value()), v.value() == null ? null : String.valueOf(v.value()));
            }
        }
        return options;
    }

    /** Whether a schema argument is a map type (Spark names such a call's column {@code entries}). */
    private static boolean isMap(Expression schema) {
        try {
            return schema(schema, null) instanceof MapType;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A schema argument's type: a DDL or type string, or {@code schema_of_json} of a literal; errors at {@code origin}. */
    static DataType schema(Expression e, io.tideway.engine.expr.Origin origin) {
        String text = null;
        if (e instanceof Literal l && l.value() instanceof String s) {
            text = s;
        } else if (e instanceof ScalarFunction f && f.name().equals("schema_of_json")
                && f.children().get(0) instanceof Literal l && l.value() instanceof String s) {
            text = JsonKernels.schemaText(s, JsonOptions.mapper(options(f, 1)));
        } else if (e instanceof ScalarFunction f && f.name().equals("schema_of_csv")
                && f.children().get(0) instanceof Literal l && l.value() instanceof String s) {
            text = new CsvFunctions.CsvSchema(options(f, 1)).of(s);
        } else if (e instanceof ScalarFunction f && f.name().equals("schema_of_xml")
                && f.children().get(0) instanceof Literal l && l.value() instanceof String s) {
            text = new XmlSchemaInference(options(f, 1)).of(s);
        }
        if (text == null) {
            throw Unchecked.raise(new AnalysisException("INVALID_SCHEMA.NON_STRING_LITERAL",
                    Map.of("inputSchema", ErrorParams.expr(e.sql())), origin));
        }
        try {
            return DataTypes.fromName(text);
        } catch (DdlParseException notAType) {
            try {
                return StructType.fromDDL(text);
            } catch (Exception notDdl) { // Spark's DataType.fromDDL reports the type's error when both fail
                throw Unchecked.raise(new AnalysisException(notAType.condition(), notAType.messageParameters(), origin));
            }
        }
    }

    /** Spark reads JSON into a schema whose every field may be null. */
    static DataType asNullable(DataType t) {
        if (t instanceof StructType st) {
            StructType out = new StructType();
            for (StructField f : st.fields()) {
                out = out.add(f.name(), asNullable(f.dataType()), true);
            }
            return out;
        }
        if (t instanceof ArrayType a) {
            return DataTypes.createArrayType(asNullable(a.elementType()), true);
        }
        if (t instanceof MapType m) {
            return DataTypes.createMapType(m.keyType(), asNullable(m.valueType()), true);
        }
        return t;
    }
}
