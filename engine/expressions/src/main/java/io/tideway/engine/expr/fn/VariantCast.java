package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/**
 * The code of casts from and to a variant ({@code CAST(v AS INT)}, {@code v::string},
 * {@code CAST(x AS VARIANT)}), as Spark's {@code Cast}: from a variant by
 * {@link VariantCasts} (failing with {@code INVALID_VARIANT_CAST} under ANSI, else null); to a
 * variant from an atomic value by {@link VariantEncoder}. Stateless.
 */
public final class VariantCast {
    private VariantCast() {
    }

    /** Whether {@code t} is a variant or holds one (in an array, map or struct), which Spark cannot order or hash. */
    public static boolean containsVariant(DataType t) {
        if (t == DataTypes.VariantType) {
            return true;
        }
        if (t instanceof ArrayType a) {
            return containsVariant(a.elementType());
        }
        if (t instanceof io.tideway.sql.types.MapType m) {
            return containsVariant(m.keyType()) || containsVariant(m.valueType());
        }
        if (t instanceof io.tideway.sql.types.StructType s) {
            for (io.tideway.sql.types.StructField f : s.fields()) {
                if (containsVariant(f.dataType())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Spark's {@code Cast.canCast} for casts involving a variant. */
    public static boolean canCast(DataType from, DataType to) {
        if (from == DataTypes.VariantType) {
            return VariantCasts.castableNested(to);
        }
        return VariantCasts.castable(from) || from instanceof ArrayType a && canCast(a.elementType(), to);
    }

    public static boolean applies(DataType from, DataType to) {
        return (from == DataTypes.VariantType) != (to == DataTypes.VariantType);
    }

    /** Writes {@code v} from the non-null {@code in}. */
    public static void code(CodegenContext ctx, CodeValue in, CodeValue v) {
        ctx.open("if (!" + in.isNull() + ")");
        String zone = SessionZone.constant(ctx);
        if (in.type() == DataTypes.VariantType) {
            String type = ctx.constant(v.type(), DataType.class.getName());
            String result = ctx.fresh("cast");
            ctx.line("Object " + result + " = " + VariantKernels.class.getName() + ".cast(" + CodegenContext.args(in)
                    + ", " + type + ", " + ctx.ansi() + ", " + zone + ");");
            unbox(ctx, v, result);
        } else {
            String type = ctx.constant(in.type(), DataType.class.getName());
            String scratch = ctx.scratch();
            String arg = in.kind() == CodeValue.Kind.BYTES ? CodegenContext.args(in) : "null, 0, 0";
            String scalar = in.kind() == CodeValue.Kind.LONG ? in.value() : "0L";
            String dbl = in.kind() == CodeValue.Kind.DOUBLE ? in.value() : "0.0";
            String dec = in.kind() == CodeValue.Kind.DECIMAL ? in.value() : "null";
            ctx.line(v.isNull() + " = false;");
            ctx.set(v, VariantEncoder.class.getName() + ".encode(" + type + ", " + scalar + ", " + dbl + ", " + dec + ", "
                    + arg + ", " + scratch + ")", scratch);
        }
        ctx.close();
    }

    /** Sets {@code v} from a kernel's boxed result (see {@link VariantCasts}); null stays null. */
    static void unbox(CodegenContext ctx, CodeValue v, String obj) {
        ctx.line(v.isNull() + " = " + obj + " == null;");
        ctx.open("if (!" + v.isNull() + ")");
        switch (v.kind()) {
            case LONG -> ctx.line(v.value() + " = ((Number) " + obj + ").longValue();");
            case DOUBLE -> ctx.line(v.value() + " = ((Number) " + obj + ").doubleValue();");
            case DECIMAL -> ctx.line(v.value() + " = (java.math.BigDecimal) " + obj + ";");
            case BYTES -> {
                ctx.line(v.value() + " = new org.agrona.concurrent.UnsafeBuffer((byte[]) " + obj + ");");
                ctx.line(v.offset() + " = 0; " + v.length() + " = ((byte[]) " + obj + ").length;");
            }
        }
        ctx.close();
    }
}
