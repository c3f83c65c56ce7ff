package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

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

    @Case
    public static void scalarUncorrelated(CaseContext ctx) {
        Dataset<Row> t = OpsLateralJoin.t(ctx);
        Dataset<Row> s = OpsLateralJoin.s(ctx);
        OpsLateralJoin.show(ctx, "select", () -> t.select(col("k"), s.select(max("v")).scalar()));
        OpsLateralJoin.show(ctx, "select aliased", () -> t.select(col("k"), s.select(max("v")).scalar().plus(col("a")).as("x")));
        OpsLateralJoin.show(ctx, "withColumn", () -> t.withColumn("top", s.select(max("v")).scalar()));
        OpsLateralJoin.show(ctx, "filter", () -> t.where(col("a").lt(s.select(max("v")).scalar().multiply(2))));
        OpsLateralJoin.show(ctx, "no rows", () -> t.select(col("k"), s.where(col("v").gt(100)).select(max("v")).scalar().as("m")));
        OpsLateralJoin.show(ctx, "two columns", () -> t.select(col("k"), s.scalar()));
    }

    @Case
    public static void existsCorrelated(CaseContext ctx) {
        Dataset<Row> t = OpsLateralJoin.t(ctx);
        Dataset<Row> s = OpsLateralJoin.s(ctx);
        OpsLateralJoin.show(ctx, "exists", () -> t.where(s.where(col("s.k").equalTo(col("t.k").outer())).exists()));
        OpsLateralJoin.show(ctx, "not exists", () -> t.where(not(s.where(col("s.k").equalTo(col("t.k").outer())).exists())));
        OpsLateralJoin.show(ctx, "exists and", () -> t.where(s.where(col("s.k").equalTo(col("t.k").outer()).and(col("v").gt(5))).exists()));
        OpsLateralJoin.show(ctx, "with another conjunct", () -> t.where(col("a").gt(10)
                .and(s.where(col("s.k").equalTo(col("t.k").outer())).exists())));
        OpsLateralJoin.show(ctx, "uncorrelated", () -> t.where(s.exists()));
        OpsLateralJoin.show(ctx, "uncorrelated none", () -> t.where(s.where(col("v").gt(100)).exists()));
    }

    @Case
    public static void scalarCorrelated(CaseContext ctx) {
        Dataset<Row> t = OpsLateralJoin.t(ctx);
        Dataset<Row> s = OpsLateralJoin.s(ctx);
        OpsLateralJoin.show(ctx, "max", () -> t.select(col("k"), s.where(col("s.k").equalTo(col("t.k").outer())).select(max("v")).scalar()));
        OpsLateralJoin.show(ctx, "count", () -> t.select(col("k"), s.where(col("s.k").equalTo(col("t.k").outer())).select(count(lit(1))).scalar()));
        OpsLateralJoin.show(ctx, "projected", () -> t.select(col("k"),
                s.where(col("s.k").equalTo(col("t.k").outer())).select(max("v").plus(1)).scalar().as("m")));
        OpsLateralJoin.show(ctx, "filter", () -> t.where(col("a").lt(s.where(col("s.k").equalTo(col("t.k").outer()))
                .select(sum("v")).scalar().multiply(3))));
        OpsLateralJoin.show(ctx, "withColumn", () -> t.withColumn("n", s.where(col("s.k").equalTo(col("t.k").outer())
                .and(col("v").gt(1))).select(count(lit(1))).scalar()));
    }
}
