package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.StructType;

import java.util.List;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.expr;
import static io.tideway.sql.functions.grouping;
import static io.tideway.sql.functions.grouping_id;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.sum;

/** {@code rollup}, {@code cube}, {@code grouping}/{@code grouping_id}, on tables and on a stream (issue #15). */
public final class OpsGroupingSets {
    private OpsGroupingSets() {
    }

    /** Sales by region and product, with a null region that is a value, not a subtotal. */
    private static Dataset<Row> sales(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create("east", "apple", 3), RowFactory.create("east", "pear", 5),
                RowFactory.create("west", "apple", 7), RowFactory.create("west", "apple", 1),
                RowFactory.create(null, "fig", 2)),
                StructType.fromDDL("region STRING, product STRING, qty INT"));
    }

    private static void print(CaseContext ctx, Dataset<Row> df) {
        ctx.println(String.join(",", df.columns()));
        fields(ctx, df);
        ctx.show(df);
    }

    @Case
    public static void rollupSum(CaseContext ctx) {
        print(ctx, sales(ctx).rollup("region", "product").agg(sum("qty")));
    }

    @Case
    public static void rollupCountOfColumns(CaseContext ctx) {
        print(ctx, sales(ctx).rollup(col("region")).count());
    }

    @Case
    public static void cubeSumAndMax(CaseContext ctx) {
        print(ctx, sales(ctx).cube("region", "product").agg(sum("qty").as("total"), max("qty")));
    }

    @Case
    public static void groupingAndGroupingId(CaseContext ctx) {
        print(ctx, sales(ctx).cube("region", "product").agg(grouping("region"), grouping(col("product")),
                grouping_id(), grouping_id("region", "product"), count(lit(1))));
    }

    @Case
    public static void groupingInAnExpression(CaseContext ctx) {
        print(ctx, sales(ctx).rollup("region").agg(expr("grouping(region) * 10").as("g"),
                sum("qty").multiply(2), expr("grouping_id(region)")));
    }

    @Case
    public static void rollupOfAnExpression(CaseContext ctx) {
        print(ctx, sales(ctx).rollup(expr("qty % 2"), col("product")).agg(sum("qty")));
    }

    @Case
    public static void groupingColumnInAgg(CaseContext ctx) {
        print(ctx, sales(ctx).rollup("region").agg(sum("qty"), expr("concat(region, '!')")));
    }

    @Case
    public static void rollupNoAggregates(CaseContext ctx) {
        print(ctx, sales(ctx).rollup("product").sum());
    }

    @Case
    public static void groupingOutsideGroupingSets(CaseContext ctx) {
        error(ctx, "groupBy agg(grouping)", () -> sales(ctx).groupBy("region").agg(grouping("region")));
    }

    @Case
    public static void rollupUnknownColumn(CaseContext ctx) {
        error(ctx, "rollup(nope)", () -> sales(ctx).rollup("nope").count());
    }

    @Case
    public static void streamingRollupComplete(CaseContext ctx) throws Exception {
        Dataset<Row> in = json(ctx, "k STRING, c STRING, v INT",
                new String[] {"{\"k\":\"a\",\"c\":\"x\",\"v\":1}", "{\"k\":\"b\",\"c\":\"x\",\"v\":2}"},
                new String[] {"{\"k\":\"a\",\"c\":\"y\",\"v\":4}"});
        run(ctx, in.rollup("k", "c").agg(sum("v"), grouping_id()), "complete");
    }

    @Case
    public static void streamingCubeUpdate(CaseContext ctx) throws Exception {
        Dataset<Row> in = json(ctx, "k STRING, c STRING, v INT",
                new String[] {"{\"k\":\"a\",\"c\":\"x\",\"v\":1}", "{\"k\":\"b\",\"c\":\"x\",\"v\":2}"},
                new String[] {"{\"k\":\"a\",\"c\":\"y\",\"v\":4}"});
        run(ctx, in.cube("k", "c").count(), "update");
    }

    @Case
    public static void streamingRollupAppendRefused(CaseContext ctx) throws Exception {
        Dataset<Row> in = json(ctx, "k STRING, v INT", new String[] {"{\"k\":\"a\",\"v\":1}"});
        error(ctx, "append", () -> run(ctx, in.rollup("k").count(), "append"));
    }

    private static Dataset<Row> sql(CaseContext ctx, String query) {
        sales(ctx).createOrReplaceTempView("sales");
        return ctx.spark().sql(query);
    }

    @Case
    public static void sqlRollup(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT region, product, sum(qty) FROM sales GROUP BY ROLLUP(region, product)"));
    }

    @Case
    public static void sqlCubeWithGrouping(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT region, product, grouping(region) AS gr, grouping_id() AS gid, count(*) "
                + "FROM sales GROUP BY CUBE(region, product)"));
    }

    @Case
    public static void sqlGroupingSets(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT region, product, sum(qty) AS total FROM sales "
                + "GROUP BY GROUPING SETS ((region, product), (region), ())"));
    }

    @Case
    public static void sqlGroupingSetsSingleColumns(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT region, product, count(*) FROM sales GROUP BY GROUPING SETS (region, product)"));
    }

    @Case
    public static void sqlPlainAndRollup(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT region, product, max(qty) FROM sales GROUP BY region, ROLLUP(product)"));
    }

    @Case
    public static void sqlRollupHavingGrouping(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT region, sum(qty) AS s, grouping_id(region) FROM sales GROUP BY ROLLUP(region) "
                + "HAVING grouping(region) = 0"));
    }

    @Case
    public static void sqlGroupingWithoutGroupingSets(CaseContext ctx) {
        error(ctx, "GROUP BY region", () -> sql(ctx, "SELECT region, grouping(region) FROM sales GROUP BY region"));
    }

    @Case
    public static void sqlWithRollup(CaseContext ctx) {
        error(ctx, "WITH ROLLUP", () -> print(ctx, sql(ctx,
                "SELECT region, product, sum(qty) FROM sales GROUP BY region, product WITH ROLLUP")));
    }
}
