package conformance.cases;

import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

/**
 * Small tables the {@code FnMath*} cases (math functions and arithmetic) share besides
 * {@link FnSupport#table}: the special doubles, the limits of int and bigint, and pairs of
 * dividends and divisors with every combination of signs.
 */
final class FnMathData {
    private FnMathData() {
    }

    /** One double column {@code x}: ordinary values, both zeros, NaN, the infinities, the extremes and a null. */
    static Dataset<Row> specials(CaseContext ctx) {
        return FnSupport.table(ctx, new StructType().add("x", DataTypes.DoubleType),
                new Object[] {1.0},
                new Object[] {-1.0},
                new Object[] {0.0},
                new Object[] {-0.0},
                new Object[] {Double.NaN},
                new Object[] {Double.POSITIVE_INFINITY},
                new Object[] {Double.NEGATIVE_INFINITY},
                new Object[] {Double.MAX_VALUE},
                new Object[] {Double.MIN_VALUE},
                new Object[] {null});
    }

    /** {@code i INT, l BIGINT}: the maxima, the minima, -1, 0 and a row of nulls. */
    static Dataset<Row> limits(CaseContext ctx) {
        return FnSupport.table(ctx, new StructType().add("i", DataTypes.IntegerType).add("l", DataTypes.LongType),
                new Object[] {Integer.MAX_VALUE, Long.MAX_VALUE},
                new Object[] {Integer.MIN_VALUE, Long.MIN_VALUE},
                new Object[] {-1, -1L},
                new Object[] {0, 0L},
                new Object[] {null, null});
    }

    /** {@code a INT, b INT, x DOUBLE, y DOUBLE}: dividends and non-zero divisors of every sign, and nulls. */
    static Dataset<Row> pairs(CaseContext ctx) {
        return FnSupport.table(ctx, new StructType()
                        .add("a", DataTypes.IntegerType).add("b", DataTypes.IntegerType)
                        .add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType),
                new Object[] {7, 3, 7.5, 2.0},
                new Object[] {-7, 3, -7.5, 2.0},
                new Object[] {7, -3, 7.5, -2.0},
                new Object[] {-7, -3, -7.5, -2.0},
                new Object[] {0, 5, -0.0, 5.0},
                new Object[] {null, 3, null, 2.0},
                new Object[] {7, null, 7.5, null});
    }
}
