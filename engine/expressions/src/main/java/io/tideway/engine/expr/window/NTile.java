package io.tideway.engine.expr.window;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code ntile(n)}: the number (1 to n) of the bucket the row falls in, the first buckets one row larger. Immutable. */
public final class NTile extends WindowFunction {
    private static final long serialVersionUID = 1L;
    private final int buckets;

    /** {@code ntile(buckets)}; {@link #check()} refuses a count below one when the window is analysed. */
    public NTile(int buckets) {
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    /** Raises Spark's {@code DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE} for a bucket count below one. */
    public void check() {
        if (buckets <= 0) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "exprName", "buckets", "valueRange", "(0, 2147483647]",
                    "currentValue", String.valueOf(buckets)), sqlOrigin()));
        }
    }

    /** The 1-based bucket of the row at 0-based {@code index} of a partition of {@code count} rows. */
    public static int bucketOf(long index, long count, int buckets) {
        long size = count / buckets;
        long larger = count % buckets; // the first buckets take one row more
        long inLarger = larger * (size + 1);
        return (int) (index < inLarger ? index / (size + 1) + 1 : larger + (index - inLarger) / size + 1);
    }

    @Override
    public WindowFrame requiredFrame() {
        return WindowFrame.ROWS_TO_CURRENT;
    }

    @Override
    public String columnText(Function<Expression, String> text) {
        return sql();
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return this;
    }

    @Override
    public String sql() {
        return "ntile(" + buckets + ")";
    }

    @Override
    public DataType dataType() {
        return DataTypes.IntegerType;
    }

    @Override
    public boolean nullable() {
        return false;
    }
}
