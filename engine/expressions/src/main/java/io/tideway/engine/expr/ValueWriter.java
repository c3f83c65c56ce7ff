package io.tideway.engine.expr;

import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/** Writes an evaluator's result into a row field of the given type. */
public final class ValueWriter {
    private ValueWriter() {
    }

    public static void write(Evaluator e, DataType type, RowWriter out, int field) {
        if (e.isNull || type == DataTypes.NullType) {
            out.setNull(field);
        } else if (type == DataTypes.DoubleType || type == DataTypes.FloatType) {
            out.putDouble(field, e.d);
        } else if (type instanceof io.tideway.sql.types.DecimalType t) {
            out.putDecimal(field, e.dec, t.precision());
        } else if (type.isFixedWidth()) {
            out.putLong(field, e.l);
        } else {
            out.putBytes(field, e.buf, e.off, e.len);
        }
    }
}
