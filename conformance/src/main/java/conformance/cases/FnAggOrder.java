package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;

import static conformance.cases.FnSupport.*;

/**
 * The order Spark's hash sets and maps give their values, where a function shows it:
 * {@code collect_set}'s array, the value {@code mode} picks among ties, and {@code array_distinct}
 * (first occurrences) — for decimals, binaries and arrays, whose hashes differ from numbers'.
 */
public final class FnAggOrder {
    private FnAggOrder() {
    }

    private static Dataset<Row> values(CaseContext ctx) {
        StructType schema = new StructType()
                .add("m", DataTypes.createDecimalType(6, 2))
                .add("w", DataTypes.createDecimalType(20, 0))
                .add("bin", DataTypes.BinaryType)
                .add("a", DataTypes.createArrayType(DataTypes.IntegerType));
        Object[][] rows = new Object[12][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {new BigDecimal(i * 137 % 50 + "." + (i * 7 % 100)), new BigDecimal(i * 1000003L + ""),
                new byte[] {(byte) i, (byte) (i * 31)}, java.util.Arrays.asList(i % 5, i * 3 % 7)};
        }
        return table(ctx, schema, rows);
    }

    @Case
    public static void collectSetOrder(CaseContext ctx) {
        showExpr(ctx, values(ctx), "collect_set(m)", "collect_set(w)", "collect_set(bin)", "collect_set(a)",
                "collect_set(cast(m as double))", "collect_set(cast(m as string))");
    }

    @Case
    public static void modeAmongTies(CaseContext ctx) {
        showExpr(ctx, values(ctx), "mode(m)", "mode(w)", "mode(a)", "mode(cast(m as double))", "mode(cast(m as string))");
    }

    @Case
    public static void arrayDistinctOrder(CaseContext ctx) {
        showExpr(ctx, values(ctx).limit(1), "array_distinct(array(2.50, 1.25, 2.5, 3.00, 1.250, 0.01))",
                "array_distinct(array(X'0102', X'01', X'0102', X''))",
                "array_distinct(array(array(1, 2), array(2), array(1, 2), array()))",
                "array_union(array(1.5, 2.25), array(2.25, 0.5))", "array_except(array(X'01', X'02', X'01'), array(X'02'))");
    }
}
