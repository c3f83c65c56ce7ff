package io.tideway.engine.expr;

import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/**
 * {@code current_timestamp()}: the batch's timestamp from {@code offsets/N}, so a re-run batch
 * sees the same value (as in Spark).
 */
public final class CurrentTimestamp extends LeafExpression {
    private static final long serialVersionUID = 1L;

    @Override
    public String sql() {
        return "current_timestamp()";
    }

    @Override
    public DataType dataType() {
        return DataTypes.TimestampType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                isNull = false;
                l = context.batchTimestampMicros();
            }
        };
    }
}
