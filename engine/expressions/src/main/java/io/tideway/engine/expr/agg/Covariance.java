package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.ArithmeticErrors;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * {@code corr(x, y)}, {@code covar_pop(x, y)} and {@code covar_samp(x, y)} over the rows where both
 * are non-null, by Spark's {@code PearsonCorrelation}/{@code Covariance} updates. State: six double
 * words {@code n, xAvg, yAvg, ck, xMk, yMk}. As in Spark 4, a sample statistic of one pair is null, and
 * the correlation of a constant column is ANSI's {@code DIVIDE_BY_ZERO}.
 */
public final class Covariance extends NumericPairAggregate {
    private static final long serialVersionUID = 1L;

    public Covariance(String name, Expression x, Expression y) {
        super(name, x, y);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Covariance(name, c.get(0), c.get(1));
    }

    @Override
    public int bufferWords() {
        return 6;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        for (int i = 0; i < 6; i++) {
            b.putDouble(at + 8 * i, 0.0);
        }
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator[] in) {
        if (in[0].isNull || in[1].isNull) {
            return;
        }
        double x = InputTypes.asDouble(in[0], firstType());
        double y = InputTypes.asDouble(in[1], secondType());
        double n = b.getDouble(at) + 1.0;
        double xAvg = b.getDouble(at + 8);
        double yAvg = b.getDouble(at + 16);
        double dx = x - xAvg;
        double dxN = dx / n;
        double dy = y - yAvg;
        double dyN = dy / n;
        double newXAvg = xAvg + dxN;
        double newYAvg = yAvg + dyN;
        b.putDouble(at, n);
        b.putDouble(at + 8, newXAvg);
        b.putDouble(at + 16, newYAvg);
        b.putDouble(at + 24, b.getDouble(at + 24) + dx * (y - newYAvg));
        b.putDouble(at + 32, b.getDouble(at + 32) + dx * (x - newXAvg));
        b.putDouble(at + 40, b.getDouble(at + 40) + dy * (y - newYAvg));
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        double n1 = b.getDouble(at);
        double n2 = src.getDouble(srcAt);
        double newN = n1 + n2;
        double dx = src.getDouble(srcAt + 8) - b.getDouble(at + 8);
        double dxN = newN == 0.0 ? 0.0 : dx / newN;
        double dy = src.getDouble(srcAt + 16) - b.getDouble(at + 16);
        double dyN = newN == 0.0 ? 0.0 : dy / newN;
        b.putDouble(at + 24, b.getDouble(at + 24) + src.getDouble(srcAt + 24) + dx * dyN * n1 * n2);
        b.putDouble(at + 32, b.getDouble(at + 32) + src.getDouble(srcAt + 32) + dx * dxN * n1 * n2);
        b.putDouble(at + 40, b.getDouble(at + 40) + src.getDouble(srcAt + 40) + dy * dyN * n1 * n2);
        b.putDouble(at + 8, b.getDouble(at + 8) + dxN * n2);
        b.putDouble(at + 16, b.getDouble(at + 16) + dyN * n2);
        b.putDouble(at, newN);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        double n = b.getDouble(at);
        double ck = b.getDouble(at + 24);
        if (n == 0.0 || n == 1.0 && !name.equals("covar_pop")) {
            out.setNull(field);
        } else if (name.equals("corr")) {
            double denominator = Math.sqrt(b.getDouble(at + 32) * b.getDouble(at + 40));
            if (denominator == 0.0) {
                throw ArithmeticErrors.divideByZero(); // Spark's ANSI division ck / sqrt(xMk * yMk)
            }
            out.putDouble(field, ck / denominator);
        } else {
            out.putDouble(field, name.equals("covar_pop") ? ck / n : ck / (n - 1.0));
        }
    }
}
