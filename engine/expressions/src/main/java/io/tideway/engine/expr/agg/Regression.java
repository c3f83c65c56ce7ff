package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * {@code regr_r2}, {@code regr_slope}, {@code regr_intercept}, {@code regr_sxx}, {@code regr_syy}
 * and {@code regr_sxy} of {@code (y, x)}, doubles, computed as Spark rewrites them so that every
 * digit matches: r2 is {@code PearsonCorrelation(y, x)}, sxy {@code Covariance(y, x)}'s co-moment,
 * sxx/syy the second moment of x/y, and slope/intercept {@code CovPopulation(x, y)} beside
 * {@code VariancePop(x)}; all over the rows where both inputs are non-null. State:
 * {@link RegressionState}.
 */
public final class Regression extends NumericPairAggregate {
    private static final long serialVersionUID = 1L;
    private static final int SXX = 0;
    private static final int SYY = 1;
    private static final int SLOPE = 2;
    private static final int INTERCEPT = 3;
    private static final int R2 = 4;
    private static final int SXY = 5;
    /** Which statistic, decided once rather than by name per row. */
    private final int kind;

    public Regression(String name, Expression y, Expression x) {
        super(name, y, x);
        this.kind = List.of("regr_sxx", "regr_syy", "regr_slope", "regr_intercept", "regr_r2", "regr_sxy").indexOf(name);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Regression(name, c.get(0), c.get(1));
    }

    @Override
    public int bufferWords() {
        return RegressionState.WORDS;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        RegressionState.initialize(b, at);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator[] in) {
        if (in[0].isNull || in[1].isNull) {
            return;
        }
        double yv = InputTypes.asDouble(in[0], firstType());
        double xv = InputTypes.asDouble(in[1], secondType());
        switch (kind) {
            case SXX -> RegressionState.updateMoment(b, at, xv);
            case SYY -> RegressionState.updateMoment(b, at, yv);
            case SLOPE, INTERCEPT -> {
                RegressionState.updatePair(b, at, xv, yv);
                RegressionState.updateMoment(b, at, xv);
            }
            default -> RegressionState.updatePair(b, at, yv, xv); // r2, sxy: y is Spark's first input
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        RegressionState.merge(b, at, src, srcAt);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        double ck = b.getDouble(at + RegressionState.CK);
        double m2 = b.getDouble(at + RegressionState.M2);
        switch (kind) {
            case SXX, SYY -> {
                if (b.getDouble(at + RegressionState.M_N) == 0.0) {
                    out.setNull(field);
                } else {
                    out.putDouble(field, m2);
                }
            }
            case SXY -> {
                if (b.getDouble(at + RegressionState.N) == 0.0) {
                    out.setNull(field);
                } else {
                    out.putDouble(field, ck);
                }
            }
            case R2 -> { // Spark 4.0.4: a constant x gives null, a constant y 1.0
                double yMk = b.getDouble(at + RegressionState.A_MK);
                double xMk = b.getDouble(at + RegressionState.B_MK);
                if (xMk == 0.0) {
                    out.setNull(field);
                } else if (yMk == 0.0) {
                    out.putDouble(field, 1.0);
                } else {
                    double corr = ck / Math.sqrt(yMk * xMk);
                    out.putDouble(field, corr * corr);
                }
            }
            default -> {
                if (m2 == 0.0) {
                    out.setNull(field);
                } else if (kind == SLOPE) {
                    out.putDouble(field, ck / m2);
                } else {
                    out.putDouble(field, b.getDouble(at + RegressionState.B_AVG)
                            - ck / m2 * b.getDouble(at + RegressionState.A_AVG));
                }
            }
        }
    }
}
