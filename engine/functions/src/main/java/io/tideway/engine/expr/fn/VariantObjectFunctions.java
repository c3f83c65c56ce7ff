package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.Map;

/**
 * Spark 4's {@code to_variant_object(value)}: a struct, map or array (nested ones included) as a
 * VARIANT, structs and maps becoming objects ({@link VariantEncoder#encodeObject}); any other type
 * is Spark's {@code CAST_WITHOUT_SUGGESTION} to VARIANT. Registered once, immutable after.
 */
final class VariantObjectFunctions {
    private VariantObjectFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("to_variant_object").inputs(InputType.ANY).returns(DataTypes.VariantType)
                .coercion(call -> {
                    DataType t = call.children().get(0).dataType();
                    if (!(t instanceof StructType || t instanceof MapType || t instanceof ArrayType) || !convertible(t)) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", Map.of(
                                "sqlExpr", ErrorParams.expr(call.sql()), "srcType", ErrorParams.type(t),
                                "targetType", ErrorParams.type(DataTypes.VariantType)), call.sqlOrigin()));
                    }
                    return call.children();
                })
                .code((ctx, call, out, a) -> {
                    String type = ctx.constant(a[0].type(), DataType.class.getName());
                    String scratch = ctx.scratch();
                    ctx.set(out, VariantEncoder.class.getName() + ".encodeObject(" + type + ", " + CodegenContext.args(a[0])
                            + ", " + scratch + ")", scratch);
                }));
    }

    /** Whether every value inside {@code t} has a variant form: a struct or map (of string keys) nests as an object. */
    private static boolean convertible(DataType t) {
        if (t instanceof StructType s) {
            for (StructField f : s.fields()) {
                if (!convertible(f.dataType())) {
                    return false;
                }
            }
            return true;
        }
        if (t instanceof MapType m) {
            return m.keyType() == DataTypes.StringType && convertible(m.valueType());
        }
        if (t instanceof ArrayType a) {
            return convertible(a.elementType());
        }
        return t == DataTypes.NullType || VariantCasts.castable(t);
    }
}
