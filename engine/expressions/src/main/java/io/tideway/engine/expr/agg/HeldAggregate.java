package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An aggregate whose whole state is held bytes of no fixed width (collected values, an ordering
 * and its value): its one fixed word is the aggregator's length word, and it works through
 * {@link #updateHeld}, {@link #mergeHeld} and {@link #writeHeld} only.
 */
abstract class HeldAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    HeldAggregate(Expression child) {
        super(child);
    }

    @Override
    public final boolean variableWidth() {
        return true;
    }

    @Override
    public final int bufferWords() {
        return 1;
    }

    @Override
    public final void initialize(MutableDirectBuffer b, int at) {
        b.putLong(at, NO_VALUE);
    }

    @Override
    public final void update(MutableDirectBuffer b, int at, Evaluator in) {
        throw new UnsupportedOperationException(sql() + " holds its state as bytes");
    }

    @Override
    public final void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        throw new UnsupportedOperationException(sql() + " holds its state as bytes");
    }

    @Override
    public final void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        throw new UnsupportedOperationException(sql() + " holds its state as bytes");
    }
}
