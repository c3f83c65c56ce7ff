package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.CommonType;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code concat} of arrays, the other half of Spark's {@code Concat}: when an argument is an
 * array, every argument must be one (Spark's {@code DATA_DIFF_TYPES} otherwise); they are brought
 * to a common array type and appended in order ({@link ArrayKernels#concatEnd}). Stateless.
 */
final class ConcatArrays {
    private ConcatArrays() {
    }

    static boolean applies(ScalarFunction call) {
        return applies(CommonType.typesOf(call.children()));
    }

    static boolean applies(List<DataType> types) {
        return types.stream().anyMatch(t -> t instanceof ArrayType);
    }

    static List<Expression> coerce(ScalarFunction call) {
        List<DataType> types = new ArrayList<>();
        for (DataType t : CommonType.typesOf(call.children())) {
            // a NULL beside arrays is first a string, as Spark's concat takes it
            types.add(t == DataTypes.NullType ? DataTypes.StringType : t);
        }
        DataType common = DataTypes.NullType;
        for (DataType t : types) {
            common = common == null ? null : ArrayFunctions.commonArrayType(common, t);
        }
        if (common == null) {
            throw CommonType.dataDiffTypes(call.sql(), "concat", types, true, call.sqlOrigin());
        }
        List<Expression> out = new ArrayList<>();
        for (Expression e : call.children()) {
            boolean nulls = !(e.dataType() instanceof ArrayType at) || at.containsNull();
            out.add(io.tideway.engine.expr.TypeCoercion.castIfNeeded(e,
                    DataTypes.createArrayType(ArrayFunctions.element(common), nulls)));
        }
        return out;
    }

    static DataType resultType(List<DataType> types) {
        DataType element = ArrayFunctions.element(types.get(0));
        boolean nulls = types.stream().anyMatch(t -> ArrayFunctions.containsNull(t));
        return DataTypes.createArrayType(element, nulls);
    }

    static void code(CodegenContext ctx, CodeValue out, CodeValue[] a) {
        String parts = ctx.fresh("parts");
        ctx.line("java.util.List<io.tideway.offheap.row.ArrayReader> " + parts + " = " + CollectionCode.AK + "concatBegin();");
        for (CodeValue x : a) {
            ctx.line(CollectionCode.AK + "concatAdd(" + parts + ", " + CodegenContext.args(x) + ");");
        }
        String o = CollectionCode.out(ctx);
        ctx.set(out, CollectionCode.AK + "concatEnd(" + parts + ", "
                + CollectionCode.type(ctx, ArrayFunctions.element(out.type())) + ", " + o + ")", o);
    }
}
