package io.tideway.engine.expr;

import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/**
 * The casts of values generated code cannot hold (arrays, intervals): an array to its string form,
 * an interval as its microseconds. Every other cast runs {@link Cast}'s code ({@link CastKernels}).
 * Not thread-safe: one per task.
 */
final class CastEvaluator extends Evaluator {
    private final Evaluator c;
    private final DataType from;
    private final DataType to;
    private final GrowableBuffer scratch = new GrowableBuffer(64);

    private CastEvaluator(Evaluator c, DataType from, DataType to) {
        this.c = c;
        this.from = from;
        this.to = to;
    }

    static Evaluator create(Evaluator child, DataType from, DataType to) {
        return new CastEvaluator(child, from, to);
    }

    @Override
    public void eval(RowReader row) {
        c.eval(row);
        isNull = c.isNull || from == DataTypes.NullType;
        if (isNull) {
            return;
        }
        if (to == DataTypes.StringType && !from.equals(to)) {
            String text = from instanceof ArrayType at ? Values.formatArray(c.buf, c.off, c.len, at.elementType()) : "";
            scratch.ensureCapacity(text.length() * 3);
            len = scratch.buffer().putStringWithoutLengthUtf8(0, text);
            buf = scratch.buffer();
            off = 0;
        } else {
            copyFrom(c);
        }
    }
}
