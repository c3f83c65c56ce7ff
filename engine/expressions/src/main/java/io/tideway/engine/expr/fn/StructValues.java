package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

/**
 * The generated code that writes a value as a field of a struct (a nested row) through a
 * {@link io.tideway.offheap.row.RowWriter}, as a projection writes its output row. Stateless.
 */
public final class StructValues {
    private StructValues() {
    }

    /** Writes {@code e} (null or not) as field {@code i} of the row writer {@code w}. */
    public static void put(CodegenContext ctx, String w, int i, CodeValue e) {
        if (e.type() == DataTypes.NullType) {
            ctx.line(w + ".setNull(" + i + ");");
            return;
        }
        String put = switch (e.kind()) {
            case DOUBLE -> w + ".putDouble(" + i + ", " + e.value() + ");";
            case LONG -> w + ".putLong(" + i + ", " + e.value() + ");";
            case BYTES -> w + ".putBytes(" + i + ", " + e.value() + ", " + e.offset() + ", " + e.length() + ");";
            case DECIMAL -> w + ".putDecimal(" + i + ", " + e.value() + ", " + ((DecimalType) e.type()).precision() + ");";
        };
        ctx.line("if (" + e.isNull() + ") { " + w + ".setNull(" + i + "); } else { " + put + " }");
    }
}
