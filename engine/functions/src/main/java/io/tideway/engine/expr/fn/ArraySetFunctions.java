package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CommonType;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.ArrayFunctions.ARRAY;
import static io.tideway.engine.expr.fn.ArrayFunctions.containsNull;
import static io.tideway.engine.expr.fn.ArrayFunctions.element;
import static io.tideway.engine.expr.fn.InputType.ANY;

/**
 * Spark's array functions that compare elements: {@code array_contains}, {@code array_position},
 * {@code array_remove} (an array and a value, brought to the wider of the element type and the
 * value's type; a NULL value is {@code DATATYPE_MISMATCH.NULL_TYPE} for {@code array_contains}
 * only) and the set functions {@code array_distinct}, {@code array_union}, {@code array_intersect},
 * {@code array_except}, {@code arrays_overlap} (two arrays of the same element type, else
 * {@code BINARY_ARRAY_DIFF_TYPES}). Their code is in {@link ArraySetKernels}. Registered once,
 * immutable after.
 */
final class ArraySetFunctions {
    private static final String SK = ArraySetKernels.class.getName() + ".";

    private ArraySetFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("array_contains").inputs(ARRAY, ANY)
                .coercion(call -> arrayAndValue(call)).returns(DataTypes.BooleanType)
                .nullable(call -> call.children().get(0).nullable() || call.children().get(1).nullable()
                        || containsNull(call.children().get(0).dataType()))
                .code((ctx, call, out, a) -> {
                    String r = ctx.fresh("found");
                    ctx.line("int " + r + " = " + SK + "contains(" + CodegenContext.args(a[0]) + ", "
                            + CollectionCode.type(ctx, element(a[0].type())) + ", " + CollectionCode.value(a[1]) + ");");
                    ctx.line(out.isNull() + " = " + r + " < 0; " + out.value() + " = " + r + " > 0 ? 1L : 0L;");
                }));
        FunctionRegistry.add(FunctionSpec.named("array_position").inputs(ARRAY, ANY)
                .coercion(call -> arrayAndValue(call)).returns(DataTypes.LongType)
                .code((ctx, call, out, a) -> ctx.set(out, SK + "position(" + CodegenContext.args(a[0]) + ", "
                        + CollectionCode.type(ctx, element(a[0].type())) + ", " + CollectionCode.value(a[1]) + ")")));
        FunctionRegistry.add(FunctionSpec.named("array_remove").inputs(ARRAY, ANY)
                .coercion(call -> arrayAndValue(call)).returns(types -> types.get(0))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, SK + "remove(" + CodegenContext.args(a[0]) + ", " + CollectionCode.type(ctx, element(a[0].type()))
                            + ", " + CollectionCode.value(a[1]) + ", " + o + ")", o);
                }));
        unaryArray("array_distinct", "distinct", types -> types.get(0));
        binaryArray("array_union", (ctx, a, t, o) -> SK + "union(" + CodegenContext.args(a[0], a[1]) + ", " + t + ", " + o + ")");
        binaryArray("array_intersect", (ctx, a, t, o) -> SK + "intersectOrExcept(" + CodegenContext.args(a[0], a[1]) + ", " + t
                + ", true, " + o + ")");
        binaryArray("array_except", (ctx, a, t, o) -> SK + "intersectOrExcept(" + CodegenContext.args(a[0], a[1]) + ", " + t
                + ", false, " + o + ")");
        FunctionRegistry.add(FunctionSpec.named("arrays_overlap").inputs(ARRAY, ARRAY)
                .coercion(call -> twoArrays(call)).returns(DataTypes.BooleanType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    String r = ctx.fresh("overlap");
                    ctx.line("int " + r + " = " + SK + "overlap(" + CodegenContext.args(a[0], a[1]) + ", "
                            + CollectionCode.type(ctx, element(a[0].type())) + ");");
                    ctx.line(out.isNull() + " = " + r + " < 0; " + out.value() + " = " + r + " > 0 ? 1L : 0L;");
                }));
    }

    /** A function of one array returning an array, by kernel {@code kernel(array, elementType, out)}. */
    private static void unaryArray(String name, String kernel, java.util.function.Function<List<DataType>, DataType> result) {
        FunctionRegistry.add(FunctionSpec.named(name).inputs(ARRAY).returns(result)
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, SK + kernel + "(" + CodegenContext.args(a[0]) + ", " + CollectionCode.type(ctx, element(a[0].type()))
                            + ", " + o + ")", o);
                }));
    }

    @FunctionalInterface
    private interface BinaryKernel {
        String call(CodegenContext ctx, CodeValue[] a, String elementType, String out);
    }

    private static void binaryArray(String name, BinaryKernel kernel) {
        FunctionRegistry.add(FunctionSpec.named(name).inputs(ARRAY, ARRAY)
                .coercion(call -> twoArrays(call))
                .returns(types -> DataTypes.createArrayType(element(types.get(0)),
                        containsNull(types.get(0)) || containsNull(types.get(1))))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, kernel.call(ctx, a, CollectionCode.type(ctx, element(a[0].type())), o), o);
                }));
    }

    /** An array and a value cast to the wider of the element type and the value's type (array_contains, array_position, array_remove). */
    private static List<Expression> arrayAndValue(ScalarFunction call) {
        Expression arr = call.children().get(0);
        Expression v = call.children().get(1);
        DataType vt = v.dataType();
        if (!(arr.dataType() instanceof ArrayType) && arr.dataType() != DataTypes.NullType) {
            throw call.unexpectedType(0, ARRAY, arr.dataType());
        }
        if (vt == DataTypes.NullType && arr.dataType() instanceof ArrayType at && !call.name().equals("array_contains")) {
            return List.of(arr, TypeCoercion.castIfNeeded(v, at.elementType()));
        }
        if (vt == DataTypes.NullType) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NULL_TYPE", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "functionName", ErrorParams.id(call.name())), call.sqlOrigin()));
        }
        if (arr.dataType() instanceof ArrayType at) {
            DataType w = CommonType.of(at.elementType(), vt, false);
            if (w != null) {
                return List.of(TypeCoercion.castIfNeeded(arr, DataTypes.createArrayType(w, at.containsNull())),
                        TypeCoercion.castIfNeeded(v, w));
            }
        }
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES", Map.of("sqlExpr",
                ErrorParams.expr(call.sql()), "functionName", ErrorParams.id(call.name()), "dataType", "\"ARRAY\"",
                "leftType", ErrorParams.type(arr.dataType()), "rightType", ErrorParams.type(vt)), call.sqlOrigin()));
    }

    /** Two arrays cast to a common array type, or Spark's {@code BINARY_ARRAY_DIFF_TYPES}. */
    private static List<Expression> twoArrays(ScalarFunction call) {
        Expression a = call.children().get(0);
        Expression b = call.children().get(1);
        DataType common = sameArrayType(a.dataType(), b.dataType());
        if (common == null) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "functionName", ErrorParams.id(call.name()), "arrayType", "\"ARRAY\"",
                    "leftType", ErrorParams.type(a.dataType()), "rightType", ErrorParams.type(b.dataType())), call.sqlOrigin()));
        }
        return List.of(castKeepingNulls(a, common), castKeepingNulls(b, common));
    }

    private static Expression castKeepingNulls(Expression e, DataType common) {
        if (e.dataType() instanceof ArrayType at && at.elementType().equals(element(common))) {
            return e;
        }
        return TypeCoercion.castIfNeeded(e, e.dataType() instanceof ArrayType at
                ? DataTypes.createArrayType(element(common), at.containsNull()) : common);
    }

    /** Two arrays of the same element type, or one of {@code array<void>} (an empty {@code array()}); else null. */
    static DataType sameArrayType(DataType a, DataType b) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            if (x.elementType().equals(y.elementType()) || y.elementType() == DataTypes.NullType) {
                return DataTypes.createArrayType(x.elementType(), x.containsNull() || y.containsNull());
            }
            if (x.elementType() == DataTypes.NullType) {
                return DataTypes.createArrayType(y.elementType(), x.containsNull() || y.containsNull());
            }
        }
        return null;
    }

}
