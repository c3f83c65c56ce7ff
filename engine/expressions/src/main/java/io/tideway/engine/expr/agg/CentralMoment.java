package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * Spark's {@code CentralMomentAgg}: {@code stddev_samp}/{@code stddev}/{@code std},
 * {@code stddev_pop}, {@code var_samp}/{@code variance}, {@code var_pop}, {@code skewness} and
 * {@code kurtosis}, by the same streaming updates (Welford's, then the higher moments) so the
 * doubles equal Spark's. State: five double words {@code n, avg, m2, m3, m4}. A sample statistic
 * of one value, and skewness or kurtosis of constant values, is null (Spark 4's
 * {@code spark.sql.legacy.statisticalAggregate=false}).
 */
public final class CentralMoment extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    /** The statistic computed from the moments. */
    public enum Kind { STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, SKEWNESS, KURTOSIS }

    private final String name;
    private final Kind kind;

    public CentralMoment(String name, Kind kind, Expression child) {
        super(child);
        this.name = name;
        this.kind = kind;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new CentralMoment(name, kind, c.get(0));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataType dataType() {
        InputTypes.requireNumeric(this, child, 0);
        return DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    private int order() {
        return kind == Kind.SKEWNESS ? 3 : kind == Kind.KURTOSIS ? 4 : 2;
    }

    @Override
    public List<Expression> inputs() {
        return List.of(InputTypes.numeric(child));
    }

    @Override
    public int bufferWords() {
        return 5;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        for (int i = 0; i < 5; i++) {
            b.putDouble(at + 8 * i, 0.0);
        }
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        double x = InputTypes.asDouble(in, InputTypes.numeric(child).dataType());
        double n = b.getDouble(at) + 1.0;
        double avg = b.getDouble(at + 8);
        double m2 = b.getDouble(at + 16);
        double delta = x - avg;
        double deltaN = delta / n;
        double newM2 = m2 + delta * (delta - deltaN);
        double delta2 = delta * delta;
        double deltaN2 = deltaN * deltaN;
        double newM3 = 0.0;
        double newM4 = 0.0;
        if (order() >= 3) {
            newM3 = b.getDouble(at + 24) - 3.0 * deltaN * newM2 + delta * (delta2 - deltaN2);
        }
        if (order() >= 4) {
            newM4 = b.getDouble(at + 32) - 4.0 * deltaN * newM3 - 6.0 * deltaN2 * newM2
                    + delta * (delta * delta2 - deltaN * deltaN2);
        }
        b.putDouble(at, n);
        b.putDouble(at + 8, avg + deltaN);
        b.putDouble(at + 16, newM2);
        b.putDouble(at + 24, newM3);
        b.putDouble(at + 32, newM4);
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        double n1 = b.getDouble(at);
        double n2 = src.getDouble(srcAt);
        double newN = n1 + n2;
        double delta = src.getDouble(srcAt + 8) - b.getDouble(at + 8);
        double deltaN = newN == 0.0 ? 0.0 : delta / newN;
        double m2l = b.getDouble(at + 16);
        double m2r = src.getDouble(srcAt + 16);
        double m3l = b.getDouble(at + 24);
        double m3r = src.getDouble(srcAt + 24);
        double newM3 = 0.0;
        double newM4 = 0.0;
        if (order() >= 3) {
            newM3 = m3l + m3r + deltaN * deltaN * delta * n1 * n2 * (n1 - n2) + 3.0 * deltaN * (n1 * m2r - n2 * m2l);
        }
        if (order() >= 4) {
            newM4 = b.getDouble(at + 32) + src.getDouble(srcAt + 32)
                    + deltaN * deltaN * deltaN * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2)
                    + 6.0 * deltaN * deltaN * (n1 * n1 * m2r + n2 * n2 * m2l)
                    + 4.0 * deltaN * (n1 * m3r - n2 * m3l);
        }
        b.putDouble(at, newN);
        b.putDouble(at + 8, b.getDouble(at + 8) + deltaN * n2);
        b.putDouble(at + 16, m2l + m2r + delta * deltaN * n1 * n2);
        b.putDouble(at + 24, newM3);
        b.putDouble(at + 32, newM4);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        double n = b.getDouble(at);
        double m2 = b.getDouble(at + 16);
        if (n == 0.0) {
            out.setNull(field);
            return;
        }
        double v;
        switch (kind) {
            case STDDEV_POP -> v = Math.sqrt(m2 / n);
            case VAR_POP -> v = m2 / n;
            case STDDEV_SAMP, VAR_SAMP -> {
                if (n == 1.0) {
                    out.setNull(field);
                    return;
                }
                v = kind == Kind.VAR_SAMP ? m2 / (n - 1.0) : Math.sqrt(m2 / (n - 1.0));
            }
            default -> {
                if (m2 == 0.0) {
                    out.setNull(field);
                    return;
                }
                v = kind == Kind.SKEWNESS ? Math.sqrt(n) * b.getDouble(at + 24) / Math.sqrt(m2 * m2 * m2)
                        : n * b.getDouble(at + 32) / (m2 * m2) - 3.0;
            }
        }
        out.putDouble(field, v);
    }
}
