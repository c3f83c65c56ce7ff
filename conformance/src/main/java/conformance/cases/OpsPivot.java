package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.List;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static io.tideway.sql.functions.avg;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.collect_list;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.first;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.sum;

/** {@code groupBy(...).pivot(...)}: with and without values, names, missing combinations, errors (issue #15). */
public final class OpsPivot {
    private OpsPivot() {
    }

    /** Sales by year and region; 2023 has no west row. */
    private static Dataset<Row> sales(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(2023, "east", "apple", 3), RowFactory.create(2023, "east", "pear", 5),
                RowFactory.create(2024, "west", "apple", 7), RowFactory.create(2024, "east", "apple", 1),
                RowFactory.create(2024, null, "fig", 2), RowFactory.create(2024, "west", "pear", null)),
                StructType.fromDDL("year INT, region STRING, product STRING, qty INT"));
    }

    private static void print(CaseContext ctx, Dataset<Row> df) {
        ctx.println(String.join(",", df.columns()));
        fields(ctx, df);
        ctx.show(df);
    }

    @Case
    public static void pivotWithValues(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy("year").pivot("region", Arrays.asList("east", "west", "north")).sum("qty"));
    }

    @Case
    public static void pivotWithoutValues(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy("year").pivot("region").agg(sum("qty")));
    }

    @Case
    public static void pivotCountMissingIsNull(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy("year").pivot("region").count());
    }

    @Case
    public static void pivotSeveralAggregates(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy("year").pivot(col("region"), Arrays.asList("east", "west"))
                .agg(sum("qty"), max("qty").as("mx"), count(lit(1))));
    }

    @Case
    public static void pivotNonNumericAggregates(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy("year").pivot("region", Arrays.asList("east", "west", "north"))
                .agg(collect_list("product"), count("qty")));
    }

    @Case
    public static void pivotFirstString(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy("region").pivot("year").agg(first("product")));
    }

    @Case
    public static void pivotIntValues(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy("region").pivot("year", Arrays.asList(2023, 2024, 2025)).agg(avg("qty")));
    }

    @Case
    public static void pivotNoGrouping(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy().pivot("product").sum("qty"));
    }

    @Case
    public static void pivotNullValue(CaseContext ctx) {
        print(ctx, sales(ctx).groupBy("product").pivot("region", Arrays.asList("east", null)).agg(sum("qty")));
    }

    @Case
    public static void pivotAfterRollupRefused(CaseContext ctx) {
        error(ctx, "rollup pivot", () -> sales(ctx).rollup("year").pivot("region"));
    }

    @Case
    public static void pivotTwiceRefused(CaseContext ctx) {
        error(ctx, "pivot pivot", () -> sales(ctx).groupBy("year").pivot("region", Arrays.asList("east"))
                .pivot("product", Arrays.asList("apple")));
    }

    @Case
    public static void pivotWithoutValuesOnStreamRefused(CaseContext ctx) throws Exception {
        Dataset<Row> in = json(ctx, "k STRING, c STRING, v INT", new String[] {"{\"k\":\"a\",\"c\":\"x\",\"v\":1}"});
        error(ctx, "stream pivot", () -> in.groupBy("k").pivot("c"));
    }

    private static Dataset<Row> stream(CaseContext ctx) throws Exception {
        return json(ctx, "k STRING, c STRING, v INT",
                new String[] {"{\"k\":\"a\",\"c\":\"x\",\"v\":1}", "{\"k\":\"b\",\"c\":\"y\",\"v\":2}"},
                new String[] {"{\"k\":\"a\",\"c\":\"y\",\"v\":4}"});
    }

    @Case
    public static void streamingPivotNumericAggregate(CaseContext ctx) throws Exception {
        Dataset<Row> in = stream(ctx);
        error(ctx, "stream pivot sum", () -> run(ctx, in.groupBy("k").pivot("c", Arrays.asList("x", "y")).sum("v"),
                "complete"));
    }

    @Case
    public static void streamingPivotListAggregate(CaseContext ctx) throws Exception {
        Dataset<Row> in = stream(ctx);
        error(ctx, "stream pivot collect_list", () -> run(ctx, in.groupBy("k").pivot("c", Arrays.asList("x", "y"))
                .agg(collect_list("v")), "complete"));
    }

    private static Dataset<Row> sql(CaseContext ctx, String query) {
        sales(ctx).createOrReplaceTempView("sales");
        return ctx.spark().sql(query);
    }

    @Case
    public static void sqlPivot(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT * FROM sales PIVOT (sum(qty) FOR region IN ('east', 'west'))"));
    }

    @Case
    public static void sqlPivotAliases(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT * FROM (SELECT year, region, qty FROM sales) "
                + "PIVOT (sum(qty) AS s, count(qty) AS n FOR region IN ('east' AS e, 'west' AS w))"));
    }

    @Case
    public static void sqlPivotListAggregate(CaseContext ctx) {
        print(ctx, sql(ctx, "SELECT * FROM (SELECT year, region, product FROM sales) "
                + "PIVOT (collect_list(product) FOR region IN ('east', 'north'))"));
    }

    @Case
    public static void pivotNonLiteralValueRefused(CaseContext ctx) {
        error(ctx, "pivot on a column value", () -> sales(ctx).groupBy("year")
                .pivot(col("region"), Arrays.asList(col("product"))).sum("qty"));
    }

    @Case
    public static void pivotWithoutAggregateRefused(CaseContext ctx) {
        error(ctx, "pivot agg(qty)", () -> sales(ctx).groupBy("year").pivot("region", Arrays.asList("east"))
                .agg(col("qty")));
    }
}
