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
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.not;
import static io.tideway.sql.functions.sum;

/**
 * Spark 4's Datasets as columns of another Dataset: {@code scalar()} (uncorrelated, in select,
 * withColumn and filter) and {@code exists()} in filters, correlated through {@code outer()}. Each
 * query prints its schema and its rows (sorted), or its error.
 */
public final class OpsSubqueryColumns {
    private OpsSubqueryColumns() {
    }

    private static Dataset<Row> t(CaseContext ctx) {
        StructType schema = new StructType().add("k", DataTypes.IntegerType).add("a", DataTypes.IntegerType);
        return JoinsInput.rows(ctx, schema, new Object[] {1, 10}, new Object[] {2, 20}, new Object[] {3, 30}).as("t");
    }

    private static Dataset<Row> s(CaseContext ctx) {
        StructType schema = new StructType().add("k", DataTypes.IntegerType).add("v", DataTypes.IntegerType);
        return JoinsInput.rows(ctx, schema, new Object[] {1, 1}, new Object[] {1, 5}, new Object[] {2, 7},
                new Object[] {4, 9}).as("s");
    }

    private static void show(CaseContext ctx, String label, Callable<Dataset<Row>> query) {
        try {
            Dataset<Row> r = query.call();
            ctx.println(label + " :: " + r.schema().simpleString());
            ctx.rows(r.collectAsList());
        } catch (Exception e) {
            ctx.println(label + " => " + Canonical.error(e));
        }
    }

    @Case
    public static void scalarUncorrelated(CaseContext ctx) {
        Dataset<Row> t = t(ctx);
        Dataset<Row> s = s(ctx);
        show(ctx, "select", () -> t.select(col("k"), s.select(max("v")).scalar()));
        show(ctx, "select aliased", () -> t.select(col("k"), s.select(max("v")).scalar().plus(col("a")).as("x")));
        show(ctx, "withColumn", () -> t.withColumn("top", s.select(max("v")).scalar()));
        show(ctx, "filter", () -> t.where(col("a").lt(s.select(max("v")).scalar().multiply(2))));
        show(ctx, "no rows", () -> t.select(col("k"), s.where(col("v").gt(100)).select(max("v")).scalar().as("m")));
        show(ctx, "two columns", () -> t.select(col("k"), s.scalar()));
    }

    @Case
    public static void existsCorrelated(CaseContext ctx) {
        Dataset<Row> t = t(ctx);
        Dataset<Row> s = s(ctx);
        show(ctx, "exists", () -> t.where(s.where(col("s.k").equalTo(col("t.k").outer())).exists()));
        show(ctx, "not exists", () -> t.where(not(s.where(col("s.k").equalTo(col("t.k").outer())).exists())));
        show(ctx, "exists and", () -> t.where(s.where(col("s.k").equalTo(col("t.k").outer()).and(col("v").gt(5))).exists()));
        show(ctx, "with another conjunct", () -> t.where(col("a").gt(10)
                .and(s.where(col("s.k").equalTo(col("t.k").outer())).exists())));
        show(ctx, "uncorrelated", () -> t.where(s.exists()));
        show(ctx, "uncorrelated none", () -> t.where(s.where(col("v").gt(100)).exists()));
    }

    @Case
    public static void scalarCorrelated(CaseContext ctx) {
        Dataset<Row> t = t(ctx);
        Dataset<Row> s = s(ctx);
        show(ctx, "max", () -> t.select(col("k"), s.where(col("s.k").equalTo(col("t.k").outer())).select(max("v")).scalar()));
        show(ctx, "count", () -> t.select(col("k"), s.where(col("s.k").equalTo(col("t.k").outer())).select(count(lit(1))).scalar()));
        show(ctx, "projected", () -> t.select(col("k"),
                s.where(col("s.k").equalTo(col("t.k").outer())).select(max("v").plus(1)).scalar().as("m")));
        show(ctx, "filter", () -> t.where(col("a").lt(s.where(col("s.k").equalTo(col("t.k").outer()))
                .select(sum("v")).scalar().multiply(3))));
        show(ctx, "withColumn", () -> t.withColumn("n", s.where(col("s.k").equalTo(col("t.k").outer())
                .and(col("v").gt(1))).select(count(lit(1))).scalar()));
    }
}
