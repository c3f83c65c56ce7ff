package io.tideway.engine.expr.agg;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The running sums of the {@code regr_*} aggregates, updated by Spark's own formulas so results
 * match to the last bit: a co-moment block (Spark's {@code Covariance}/{@code PearsonCorrelation}
 * buffer) then a second-moment block (its {@code CentralMomentAgg} of order 2). All doubles.
 *
 * <pre>
 *  at +  0  n      pairs folded into the co-moment     at + 48  n    values in the moment
 *  at +  8  aAvg   mean of the first input             at + 56  avg  their mean
 *  at + 16  bAvg   mean of the second input            at + 64  m2   sum of squared deviations
 *  at + 24  ck     co-moment of a and b
 *  at + 32  aMk    second moment of a
 *  at + 40  bMk    second moment of b
 * </pre>
 *
 * Stateless; the caller owns the buffer.
 */
final class RegressionState {
    static final int WORDS = 9;
    static final int N = 0;
    static final int A_AVG = 8;
    static final int B_AVG = 16;
    static final int CK = 24;
    static final int A_MK = 32;
    static final int B_MK = 40;
    static final int M_N = 48;
    static final int M_AVG = 56;
    static final int M2 = 64;

    private RegressionState() {
    }

    static void initialize(MutableDirectBuffer b, int at) {
        for (int i = 0; i < WORDS; i++) {
            b.putDouble(at + 8 * i, 0.0);
        }
    }

    /** Folds the pair (a, b) into the co-moment block, as Spark's {@code PearsonCorrelation} update. */
    static void updatePair(MutableDirectBuffer s, int at, double a, double b) {
        double n = s.getDouble(at + N) + 1.0;
        double aAvg = s.getDouble(at + A_AVG);
        double bAvg = s.getDouble(at + B_AVG);
        double da = a - aAvg;
        double db = b - bAvg;
        double newAAvg = aAvg + da / n;
        double newBAvg = bAvg + db / n;
        s.putDouble(at + N, n);
        s.putDouble(at + A_AVG, newAAvg);
        s.putDouble(at + B_AVG, newBAvg);
        s.putDouble(at + CK, s.getDouble(at + CK) + da * (b - newBAvg));
        s.putDouble(at + A_MK, s.getDouble(at + A_MK) + da * (a - newAAvg));
        s.putDouble(at + B_MK, s.getDouble(at + B_MK) + db * (b - newBAvg));
    }

    /** Folds one value into the moment block, as Spark's {@code CentralMomentAgg} update. */
    static void updateMoment(MutableDirectBuffer s, int at, double x) {
        double n = s.getDouble(at + M_N) + 1.0;
        double avg = s.getDouble(at + M_AVG);
        double delta = x - avg;
        double deltaN = delta / n;
        s.putDouble(at + M_N, n);
        s.putDouble(at + M_AVG, avg + deltaN);
        s.putDouble(at + M2, s.getDouble(at + M2) + delta * (delta - deltaN));
    }

    /** Folds another partial state into this one, block by block, as Spark's merge expressions. */
    static void merge(MutableDirectBuffer s, int at, DirectBuffer o, int oAt) {
        double n1 = s.getDouble(at + N);
        double n2 = o.getDouble(oAt + N);
        double newN = n1 + n2;
        double da = o.getDouble(oAt + A_AVG) - s.getDouble(at + A_AVG);
        double daN = newN == 0.0 ? 0.0 : da / newN;
        double db = o.getDouble(oAt + B_AVG) - s.getDouble(at + B_AVG);
        double dbN = newN == 0.0 ? 0.0 : db / newN;
        s.putDouble(at + CK, s.getDouble(at + CK) + o.getDouble(oAt + CK) + da * dbN * n1 * n2);
        s.putDouble(at + A_MK, s.getDouble(at + A_MK) + o.getDouble(oAt + A_MK) + da * daN * n1 * n2);
        s.putDouble(at + B_MK, s.getDouble(at + B_MK) + o.getDouble(oAt + B_MK) + db * dbN * n1 * n2);
        s.putDouble(at + A_AVG, s.getDouble(at + A_AVG) + daN * n2);
        s.putDouble(at + B_AVG, s.getDouble(at + B_AVG) + dbN * n2);
        s.putDouble(at + N, newN);

        double m1 = s.getDouble(at + M_N);
        double m2n = o.getDouble(oAt + M_N);
        double mN = m1 + m2n;
        double delta = o.getDouble(oAt + M_AVG) - s.getDouble(at + M_AVG);
        double deltaN = mN == 0.0 ? 0.0 : delta / mN;
        s.putDouble(at + M2, s.getDouble(at + M2) + o.getDouble(oAt + M2) + delta * deltaN * m1 * m2n);
        s.putDouble(at + M_AVG, s.getDouble(at + M_AVG) + deltaN * m2n);
        s.putDouble(at + M_N, mN);
    }
}
