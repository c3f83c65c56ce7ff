package io.tideway.engine.expr;

import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * {@code min(x)} / {@code max(x)}. Over fixed-width values (numbers, timestamps, dates, booleans)
 * the state is the value and a seen flag. Over strings and binary, whose state has no fixed
 * width, the aggregator keeps the held bytes after the fixed words ({@link #variableWidth()});
 * this function only decides which of two values wins: unsigned byte order, which for UTF-8 is
 * Spark's string order (code point order).
 */
public final class MinMax extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private final boolean isMax;

    public MinMax(Expression child, boolean isMax) {
        super(child);
        this.isMax = isMax;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new MinMax(c.get(0), isMax);
    }

    @Override
    public String name() {
        return isMax ? "max" : "min";
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        if (!t.isFixedWidth() && !isBytes(t) && !(t instanceof DecimalType)) {
            throw Unchecked.raise(new AnalysisException(sql() + " over " + t.simpleString()
                    + " is not supported yet: Tideway aggregates fixed-width values, strings and binary only"));
        }
        return t;
    }

    private static boolean isBytes(DataType t) {
        return t == DataTypes.StringType || t == DataTypes.BinaryType;
    }

    @Override
    public boolean variableWidth() {
        return isBytes(child.dataType());
    }

    @Override
    public boolean prefers(DirectBuffer candidate, int at, int length, DirectBuffer held, int heldAt, int heldLength) {
        int c = Bytes.compare(candidate, at, length, held, heldAt, heldLength);
        return isMax ? c > 0 : c < 0;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public int bufferWords() {
        if (child.dataType() instanceof DecimalType) {
            return DecimalAggregateState.WORDS; // value, seen count
        }
        return variableWidth() ? 1 : 2; // held length (-1: none) | value, seen flag
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        if (child.dataType() instanceof DecimalType) {
            DecimalAggregateState.initialize(b, at);
            return;
        }
        if (variableWidth()) {
            b.putLong(at, NO_VALUE);
            return;
        }
        b.putLong(at, 0L);
        b.putLong(at + 8, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        if (child.dataType() instanceof DecimalType d) {
            keepDecimal(b, at, in.dec.unscaledValue(), d);
            return;
        }
        boolean seen = b.getLong(at + 8) != 0;
        if (fractionalInput()) {
            double cur = b.getDouble(at);
            if (!seen || keeps(in.d, cur)) {
                b.putDouble(at, in.d);
            }
        } else {
            long cur = b.getLong(at);
            if (!seen || (isMax ? in.l > cur : in.l < cur)) {
                b.putLong(at, in.l);
            }
        }
        b.putLong(at + 8, 1L);
    }

    /** Whether {@code v} replaces the held double {@code cur}, in Spark's order (NaN above every other value). */
    private boolean keeps(double v, double cur) {
        int c = SqlArithmetic.compare(v, cur);
        return isMax ? c > 0 : c < 0;
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        if (child.dataType() instanceof DecimalType d) {
            if (DecimalAggregateState.count(src, srcAt) != 0) {
                keepDecimal(b, at, DecimalAggregateState.unscaled(src, srcAt), d);
            }
            return;
        }
        if (src.getLong(srcAt + 8) == 0) {
            return;
        }
        boolean seen = b.getLong(at + 8) != 0;
        if (fractionalInput()) {
            double cur = b.getDouble(at);
            double v = src.getDouble(srcAt);
            if (!seen || keeps(v, cur)) {
                b.putDouble(at, v);
            }
        } else {
            long cur = b.getLong(at);
            long v = src.getLong(srcAt);
            if (!seen || (isMax ? v > cur : v < cur)) {
                b.putLong(at, v);
            }
        }
        b.putLong(at + 8, 1L);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        if (child.dataType() instanceof DecimalType d) {
            if (DecimalAggregateState.count(b, at) == 0) {
                out.setNull(field);
            } else {
                out.putDecimal(field, DecimalAggregateState.value(b, at, d), d.precision());
            }
            return;
        }
        if (b.getLong(at + 8) == 0) {
            out.setNull(field);
        } else {
            out.putLong(field, b.getLong(at));
        }
    }

    /** Holds {@code v} (an unscaled value at the input's scale) if none is held yet or it wins. */
    private void keepDecimal(MutableDirectBuffer b, int at, java.math.BigInteger v, DecimalType d) {
        boolean seen = DecimalAggregateState.count(b, at) != 0;
        int c = seen ? v.compareTo(DecimalAggregateState.unscaled(b, at)) : 0;
        if (!seen || (isMax ? c > 0 : c < 0)) {
            DecimalAggregateState.unscaled(b, at, v, d);
        }
        DecimalAggregateState.count(b, at, 1L);
    }
}
