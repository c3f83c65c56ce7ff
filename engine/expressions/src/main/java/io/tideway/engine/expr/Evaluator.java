package io.tideway.engine.expr;

import io.tideway.offheap.row.RowReader;
import org.agrona.DirectBuffer;

/**
 * Evaluates one compiled expression over a binary row without allocating. After {@link #eval},
 * the result is in the public fields, by type: boolean, int, date, long and timestamp in
 * {@link #l}; double in {@link #d}; string, binary, array and struct as bytes
 * ({@link #buf}, {@link #off}, {@link #len}), valid until the next {@code eval}; decimal in
 * {@link #dec}, at its type's scale.
 * Fields are public because this is the innermost loop and a parent reads them directly.
 * Not thread-safe: each task compiles its own evaluators.
 */
public abstract class Evaluator {
    public boolean isNull;
    public long l;
    public double d;
    public DirectBuffer buf;
    public int off;
    public int len;
    public java.math.BigDecimal dec;

    public abstract void eval(RowReader row);

    /** This result as a double, for a child of numeric type {@code numericIsDouble}. */
    final double asDouble(boolean isDouble) {
        return isDouble ? d : (double) l;
    }

    /** Copies another evaluator's result into this one. */
    final void copyFrom(Evaluator e) {
        isNull = e.isNull;
        l = e.l;
        d = e.d;
        buf = e.buf;
        off = e.off;
        len = e.len;
        dec = e.dec;
    }
}
