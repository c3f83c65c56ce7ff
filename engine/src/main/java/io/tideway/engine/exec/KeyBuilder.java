package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.ValueWriter;
import io.tideway.offheap.map.Murmur3Hash;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;

import java.util.List;

/**
 * Builds the grouping key of a row as a binary row (the state-store key), and its hash, which
 * decides the shuffle partition. Double keys are normalized as Spark's
 * {@code NormalizeFloatingNumbers} does for aggregation, deduplication and join keys ({@link #normalize});
 * doubles nested in structs or arrays are not yet. Reuses one buffer: the key is valid until the next build.
 */
public final class KeyBuilder {
    private final Evaluator[] evaluators;
    private final DataType[] types;
    private final RowScratch scratch;
    private int length;

    public KeyBuilder(List<Expression> grouping, EvalContext ctx) {
        evaluators = new Evaluator[grouping.size()];
        types = new DataType[grouping.size()];
        for (int i = 0; i < evaluators.length; i++) {
            evaluators[i] = grouping.get(i).evaluator(ctx);
            types[i] = grouping.get(i).dataType();
        }
        scratch = new RowScratch(evaluators.length);
    }

    public void build(RowReader row) {
        RowWriter w = scratch.begin();
        for (int i = 0; i < evaluators.length; i++) {
            Evaluator e = evaluators[i];
            e.eval(row);
            if ((types[i] == DataTypes.DoubleType || types[i] == DataTypes.FloatType) && !e.isNull) {
                w.putDouble(i, normalize(e.d));
            } else {
                ValueWriter.write(e, types[i], w, i);
            }
        }
        length = w.finish();
    }

    /**
     * Spark's {@code NormalizeFloatingNumbers}: -0.0 is 0.0 and every NaN is the one canonical NaN,
     * so keys that compare equal have the same bytes, hash and group (and the group shows 0.0).
     */
    static double normalize(double d) {
        if (d == 0.0) {
            return 0.0; // also -0.0
        }
        return Double.isNaN(d) ? Double.NaN : d;
    }

    public DirectBuffer buffer() {
        return scratch.buffer;
    }

    public int length() {
        return length;
    }

    public int hash() {
        return Murmur3Hash.hash(scratch.buffer, 0, length);
    }
}
