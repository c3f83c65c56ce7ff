package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CommonType;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.CollectionCode.MK;
import static io.tideway.engine.expr.fn.InputType.ANY;

/**
 * Spark's map functions; their code is in {@link MapKernels}. A map's keys and values are each an
 * array in its bytes, so {@code map_keys} and {@code map_values} point at them without copying.
 * Registered once, immutable after.
 */
final class MapFunctions {
    static final InputType MAP = InputType.nullOnly("\"MAP\"", t -> t instanceof MapType,
            DataTypes.createMapType(DataTypes.NullType, DataTypes.NullType));

    private MapFunctions() {
    }

    static void register() {
        FunctionRegistry.add("map", 0, -1, (name, args) -> {
            if (args.size() % 2 != 0) {
                throw FunctionRegistry.wrongArgCountUnpositioned("map", "2n (n > 0)", args.size());
            }
            return FunctionRegistry.call("__map", args);
        });
        FunctionRegistry.add(FunctionSpec.named("__map").repeated(ANY)
                .coercion(MapFunctions::createMapArgs)
                .returnsFromArgs(args -> {
                    List<Expression> keys = new ArrayList<>();
                    List<Expression> values = new ArrayList<>();
                    for (int i = 0; i < args.size(); i += 2) {
                        keys.add(args.get(i));
                        values.add(args.get(i + 1));
                    }
                    return DataTypes.createMapType(keys.isEmpty() ? DataTypes.NullType : keys.get(0).dataType(),
                            values.isEmpty() ? DataTypes.NullType : values.get(0).dataType(),
                            values.stream().anyMatch(Expression::nullable));
                })
                .sql(call -> "map(" + ConditionalFunctions.args(call.children()) + ")")
                .nullable(call -> false)
                .customCode((ctx, call) -> {
                    List<Expression> args = call.children();
                    CodeValue[] values = new CodeValue[args.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = ctx.gen(args.get(i));
                    }
                    MapType mt = (MapType) call.dataType();
                    CodeValue v = ctx.declare(mt);
                    String out = CollectionCode.out(ctx);
                    String w = ctx.fresh("w");
                    int n = values.length / 2;
                    ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + out + ".keys(" + n + ");");
                    for (int i = 0; i < n; i++) {
                        CollectionCode.put(ctx, w, String.valueOf(i), values[2 * i]);
                    }
                    ctx.line(w + " = " + out + ".values(" + n + ");");
                    for (int i = 0; i < n; i++) {
                        CollectionCode.put(ctx, w, String.valueOf(i), values[2 * i + 1]);
                    }
                    ctx.line(v.isNull() + " = false; " + v.value() + " = " + out + ".buffer(); " + v.offset() + " = 0; "
                            + v.length() + " = " + MK + "checked(" + out + ", " + out + ".finishMap(), "
                            + CollectionCode.type(ctx, mt.keyType()) + ");");
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("map_keys").inputs(MAP)
                .returns(types -> DataTypes.createArrayType(((MapType) types.get(0)).keyType(), false))
                .code((ctx, call, out, a) -> ctx.line(out.value() + " = " + a[0].value() + "; " + out.offset() + " = "
                        + io.tideway.offheap.row.MapDescriptor.class.getName() + ".keysOffset(" + a[0].offset() + "); "
                        + out.length() + " = " + io.tideway.offheap.row.MapDescriptor.class.getName() + ".keysLength("
                        + a[0].value() + ", " + a[0].offset() + ");")));
        FunctionRegistry.add(FunctionSpec.named("map_values").inputs(MAP)
                .returns(types -> DataTypes.createArrayType(((MapType) types.get(0)).valueType(),
                        ((MapType) types.get(0)).valueContainsNull()))
                .code((ctx, call, out, a) -> ctx.line(out.value() + " = " + a[0].value() + "; " + out.offset() + " = "
                        + io.tideway.offheap.row.MapDescriptor.class.getName() + ".valuesOffset(" + a[0].value() + ", "
                        + a[0].offset() + "); " + out.length() + " = " + io.tideway.offheap.row.MapDescriptor.class.getName()
                        + ".valuesLength(" + CodegenContext.args(a[0]) + ");")));
        FunctionRegistry.add(FunctionSpec.named("map_entries").inputs(MAP)
                .returns(types -> DataTypes.createArrayType(entryType((MapType) types.get(0)), false))
                .code((ctx, call, out, a) -> {
                    MapType mt = (MapType) a[0].type();
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, MK + "entries(" + CodegenContext.args(a[0]) + ", " + CollectionCode.type(ctx, mt.keyType()) + ", "
                            + CollectionCode.type(ctx, mt.valueType()) + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("map_from_arrays").inputs(ArrayFunctions.ARRAY, ArrayFunctions.ARRAY)
                .returns(types -> DataTypes.createMapType(ArrayFunctions.element(types.get(0)),
                        ArrayFunctions.element(types.get(1)), ArrayFunctions.containsNull(types.get(1))))
                .code((ctx, call, out, a) -> {
                    MapType mt = (MapType) out.type();
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, MK + "fromArrays(" + CodegenContext.args(a[0], a[1]) + ", " + CollectionCode.type(ctx, mt.keyType())
                            + ", " + CollectionCode.type(ctx, mt.valueType()) + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("map_from_entries").inputs(ArrayFunctions.ARRAY)
                .coercion(call -> {
                    DataType t = call.children().get(0).dataType();
                    if (t instanceof ArrayType at && at.elementType() instanceof StructType st && st.length() == 2) {
                        return call.children();
                    }
                    throw call.unexpectedType(0, InputType.named("\"ARRAY\" of pair \"STRUCT\"", ArrayFunctions.ARRAY), t);
                })
                .returns(types -> {
                    StructType st = (StructType) ArrayFunctions.element(types.get(0));
                    return DataTypes.createMapType(st.apply(0).dataType(), st.apply(1).dataType(), st.apply(1).nullable());
                })
                .nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    MapType mt = (MapType) out.type();
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, MK + "fromEntries(" + CodegenContext.args(a[0]) + ", " + CollectionCode.type(ctx, mt.keyType())
                            + ", " + CollectionCode.type(ctx, mt.valueType()) + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("map_contains_key").inputs(MAP, ANY)
                .coercion(call -> {
                    Expression m = StringFunctions.castTo(call, 0, call.children().get(0), MAP);
                    return List.of(m, keyArg(call, (MapType) m.dataType(), call.children().get(1)));
                })
                .returns(DataTypes.BooleanType)
                .code((ctx, call, out, a) -> ctx.set(out, MK + "find(" + CodegenContext.args(a[0]) + ", "
                        + CollectionCode.type(ctx, ((MapType) a[0].type()).keyType()) + ", " + CollectionCode.value(a[1])
                        + ") >= 0 ? 1L : 0L")));
        FunctionRegistry.add(FunctionSpec.named("map_concat").repeated(MAP)
                .coercion(MapFunctions::concatArgs)
                .returns(types -> {
                    if (types.isEmpty()) {
                        return DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false);
                    }
                    MapType first = (MapType) types.get(0);
                    boolean valueNulls = types.stream().anyMatch(t -> ((MapType) t).valueContainsNull());
                    return DataTypes.createMapType(first.keyType(), first.valueType(), valueNulls);
                })
                .code((ctx, call, out, a) -> {
                    MapType mt = (MapType) out.type();
                    String parts = ctx.fresh("parts");
                    String bufs = ctx.fresh("bufs");
                    ctx.line("java.util.List<int[]> " + parts + " = " + MK + "concatBegin();");
                    ctx.line("java.util.List<org.agrona.DirectBuffer> " + bufs + " = new java.util.ArrayList<>();");
                    for (CodeValue x : a) {
                        ctx.line(MK + "concatAdd(" + parts + ", " + bufs + ", " + CodegenContext.args(x) + ");");
                    }
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, MK + "concatEnd(" + parts + ", " + bufs + ", " + CollectionCode.type(ctx, mt.keyType()) + ", "
                            + CollectionCode.type(ctx, mt.valueType()) + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("str_to_map").inputs(InputType.STRING, InputType.STRING, InputType.STRING)
                .defaults(Literal.of(","), Literal.of(":"))
                .returns(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, MK + "strToMap(" + CodegenContext.args(a) + ", " + o + ")", o);
                }));
    }

    /** {@code struct<key: k, value: v>}, the element of {@code map_entries}. */
    static StructType entryType(MapType mt) {
        return new StructType().add("key", mt.keyType(), false).add("value", mt.valueType(), mt.valueContainsNull());
    }

    /** The key argument of a lookup cast to the map's key type, or Spark's {@code MAP_FUNCTION_DIFF_TYPES}. */
    static Expression keyArg(ScalarFunction call, MapType mt, Expression key) {
        DataType w = CommonType.of(mt.keyType(), key.dataType(), false);
        if (w != null && w.equals(mt.keyType())) {
            return TypeCoercion.castIfNeeded(key, mt.keyType());
        }
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES", Map.of("sqlExpr",
                ErrorParams.expr(call.sql()), "functionName", ErrorParams.id(call.name()), "dataType", "\"MAP\"",
                "leftType", ErrorParams.type(mt), "rightType", ErrorParams.type(key.dataType())), call.sqlOrigin()));
    }

    /** {@code out} as the value of {@code key} in {@code map}, null when the key is missing. */
    static void readValue(CodegenContext ctx, CodeValue out, CodeValue map, CodeValue key, MapType mt) {
        String i = ctx.fresh("idx");
        String vo = ctx.fresh("valuesAt");
        ctx.line("int " + i + " = " + MK + "valueIndex(" + CodegenContext.args(map) + ", " + CollectionCode.type(ctx, mt.keyType())
                + ", " + CollectionCode.value(key) + ");");
        ctx.line(out.isNull() + " = " + i + " < 0;");
        ctx.open("if (" + i + " >= 0)");
        ctx.line("int " + vo + " = " + MK + "valuesOffset(" + map.value() + ", " + map.offset() + ");");
        CollectionCode.read(ctx, out, map.value(), vo, i);
        ctx.close();
    }

    /** {@code map(k1, v1, ...)}: keys to their common type, values to theirs. */
    private static List<Expression> createMapArgs(ScalarFunction call) {
        List<Expression> keys = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        for (int i = 0; i < call.children().size(); i += 2) {
            keys.add(call.children().get(i));
            values.add(call.children().get(i + 1));
        }
        DataType kt = CommonType.of(CommonType.typesOf(keys), true);
        if (kt == null) {
            throw diffTypes(call, "CREATE_MAP_KEY_DIFF_TYPES", keys);
        }
        DataType vt = CommonType.of(CommonType.typesOf(values), true);
        if (vt == null) {
            throw diffTypes(call, "CREATE_MAP_VALUE_DIFF_TYPES", values);
        }
        if (kt instanceof MapType) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "keyType", ErrorParams.type(kt)), call.sqlOrigin()));
        }
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(TypeCoercion.castIfNeeded(keys.get(i), kt));
            out.add(TypeCoercion.castIfNeeded(values.get(i), vt));
        }
        return out;
    }

    private static RuntimeException diffTypes(ScalarFunction call, String condition, List<Expression> exprs) {
        StringBuilder types = new StringBuilder("[");
        for (int i = 0; i < exprs.size(); i++) {
            types.append(i == 0 ? "" : ", ").append(ErrorParams.type(exprs.get(i).dataType()));
        }
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH." + condition, Map.of("sqlExpr",
                ErrorParams.expr(call.sql()), "functionName", ErrorParams.id("map"), "dataType", types.append(']').toString()),
                call.sqlOrigin()));
    }

    private static List<Expression> concatArgs(ScalarFunction call) {
        List<Expression> args = call.children();
        List<DataType> types = CommonType.typesOf(args);
        for (DataType t : types) {
            if (!(t instanceof MapType) && t != DataTypes.NullType) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < types.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(ErrorParams.type(types.get(i)));
                }
                throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.MAP_CONCAT_DIFF_TYPES", Map.of("sqlExpr",
                        ErrorParams.expr(call.sql()), "functionName", ErrorParams.id("map_concat"), "dataType",
                        sb.append(']').toString()), call.sqlOrigin()));
            }
        }
        DataType kt = DataTypes.NullType;
        DataType vt = DataTypes.NullType;
        for (DataType t : types) {
            if (t instanceof MapType m) {
                kt = CommonType.of(kt, m.keyType(), true);
                vt = CommonType.of(vt, m.valueType(), true);
                if (kt == null || vt == null) {
                    throw CommonType.dataDiffTypes(call.sql(), "map_concat", types, false, call.sqlOrigin());
                }
            }
        }
        List<Expression> out = new ArrayList<>();
        for (Expression e : args) {
            boolean vn = e.dataType() instanceof MapType m ? m.valueContainsNull() : true;
            out.add(TypeCoercion.castIfNeeded(e, DataTypes.createMapType(kt, vt, vn)));
        }
        return out;
    }
}
