package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.concurrent.Callable;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.max;

/**
 * Spark 4's {@code Dataset.lateralJoin} (its four forms) with {@code Column.outer()}: the right
 * Dataset reads the left row's columns in its filters and projections. Each join prints its
 * schema and its rows (sorted), or its error.
 */
public final class OpsLateralJoin {
    private OpsLateralJoin() {
    }

    /** {@code t(k, a)}: three rows, aliased {@code t}; also the outer side of {@link OpsSubqueryColumns}. */
    static Dataset<Row> t(CaseContext ctx) {
        StructType schema = new StructType().add("k", DataTypes.IntegerType).add("a", DataTypes.IntegerType);
        return JoinsInput.rows(ctx, schema, new Object[] {1, 10}, new Object[] {2, 20}, new Object[] {3, 30}).as("t");
    }

    /** {@code s(k, v)}: four rows, aliased {@code s}, two of them on key 1 and one on no key of {@code t}. */
    static Dataset<Row> s(CaseContext ctx) {
        StructType schema = new StructType().add("k", DataTypes.IntegerType).add("v", DataTypes.IntegerType);
        return JoinsInput.rows(ctx, schema, new Object[] {1, 1}, new Object[] {1, 5}, new Object[] {2, 7},
                new Object[] {4, 9}).as("s");
    }

    /** Prints the query's schema and its rows (sorted), or its error. */
    static void show(CaseContext ctx, String label, Callable<Dataset<Row>> query) {
        try {
            Dataset<Row> r = query.call();
            ctx.println(label + " :: " + r.schema().simpleString());
            ctx.rows(r.collectAsList());
        } catch (Exception e) {
            ctx.println(label + " => " + Canonical.error(e));
        }
    }

    @Case
    public static void correlatedFilter(CaseContext ctx) {
        Dataset<Row> t = t(ctx);
        Dataset<Row> s = s(ctx);
        show(ctx, "inner", () -> t.lateralJoin(s.where(col("s.k").equalTo(col("t.k").outer())).select(col("v"))));
        show(ctx, "left", () -> t.lateralJoin(s.where(col("s.k").equalTo(col("t.k").outer())).select(col("v")), "left"));
        show(ctx, "left_outer", () -> t.lateralJoin(s.where(col("s.k").equalTo(col("t.k").outer())), "left_outer"));
        show(ctx, "cross", () -> t.lateralJoin(s.where(col("s.k").equalTo(col("t.k").outer())).select(col("v")), "cross"));
        show(ctx, "two conditions", () -> t.lateralJoin(s.where(col("s.k").equalTo(col("t.k").outer()))
                .where(col("v").gt(col("t.a").outer().divide(5))).select(col("v").as("w"))));
    }

    @Case
    public static void withCondition(CaseContext ctx) {
        Dataset<Row> t = t(ctx);
        Dataset<Row> s = s(ctx);
        show(ctx, "inner on", () -> t.lateralJoin(s.where(col("s.k").equalTo(col("t.k").outer())).select(col("v")),
                col("v").gt(1)));
        show(ctx, "left on", () -> t.lateralJoin(s.where(col("s.k").equalTo(col("t.k").outer())).select(col("v")),
                col("v").gt(1), "left"));
        show(ctx, "uncorrelated on", () -> t.lateralJoin(s.select(col("v")), col("v").equalTo(col("a").divide(10)), "left"));
    }

    @Case
    public static void outerInProjection(CaseContext ctx) {
        Dataset<Row> t = t(ctx);
        Dataset<Row> s = s(ctx);
        show(ctx, "range", () -> t.lateralJoin(ctx.spark().range(1).select(col("t.a").outer().plus(1).as("b"))));
        show(ctx, "with inner column", () -> t.lateralJoin(s.where(col("s.k").equalTo(col("t.k").outer()))
                .select(col("v").plus(col("t.a").outer()).as("w"))));
        show(ctx, "uncorrelated aggregate", () -> t.lateralJoin(s.select(max("v").as("m"))));
    }

    @Case
    public static void joinTypes(CaseContext ctx) {
        Dataset<Row> t = t(ctx);
        Dataset<Row> s = s(ctx);
        show(ctx, "right", () -> t.lateralJoin(s, "right"));
        show(ctx, "full", () -> t.lateralJoin(s, col("t.k").equalTo(col("s.k")), "full"));
        show(ctx, "left_semi", () -> t.lateralJoin(s, "left_semi"));
    }
}
