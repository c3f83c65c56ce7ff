package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnArray.arrays;
import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Higher-order functions and lambdas: SQL {@code x -> ...}, {@code (x, i) -> ...},
 * {@code (acc, x) -> ...} and the Java API's {@code scala.Function1/2/3} forms; their column
 * names ({@code lambdafunction(...)}, {@code namedlambdavariable()}), types, nullability, nulls and
 * errors; in static Datasets and in a micro-batch stream (the generated chain path).
 */
public final class FnLambda {
    private FnLambda() {
    }

    @Case
    public static void transformAndFilter(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, transform(col("a"), x -> x.plus(1)), transform(col("a"), (x, i) -> x.multiply(i)),
                transform(col("s"), x -> upper(x)), filter(col("a"), x -> x.gt(1)),
                filter(col("s"), (x, i) -> i.geq(1).and(x.isNotNull())),
                transform(col("a"), x -> transform(col("b"), y -> y.plus(x))), transform(col("a"), x -> col("n")));
        showExpr(ctx, df, "transform(a, x -> x + 1)", "transform(a, (x, i) -> x + i)", "transform(a, x -> x * n)",
                "transform(s, x -> concat(x, '!'))", "transform(a, x -> CAST(x AS STRING))", "transform(a, X -> x + 1)",
                "transform(array(1, 2), x -> array(x, x))", "transform(a, x -> transform(b, y -> x + y))",
                "transform(a, x -> x IS NULL)", "transform(b, x -> 10 DIV x)", "transform(a, (x, i, j) -> x)",
                "transform(n, x -> x)", "transform(a, x -> 1)", "transform(a, 1)", "aggregate(a, 0, 1)", "transform(array(), x -> x)",
                "filter(a, x -> x > 1)", "filter(a, (x, i) -> i % 2 = 0)", "filter(s, x -> x IS NOT NULL)",
                "filter(a, x -> x)", "filter(b, x -> NULL)", "filter(a, x -> x > n)",
                "transform(filter(a, x -> x > 0), x -> x * 2)", "size(filter(s, x -> length(x) > 0))");
    }

    @Case
    public static void existsAndForall(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, exists(col("a"), x -> x.gt(2)), forall(col("a"), x -> x.gt(0)), exists(col("s"), x -> x.equalTo("x")),
                forall(col("b"), x -> x.isNotNull()));
        showExpr(ctx, df, "exists(a, x -> x > 2)", "exists(a, x -> x IS NULL)", "exists(b, x -> x = 4)",
                "exists(b, x -> x > 4)", "forall(a, x -> x > 0)", "forall(b, x -> x < 10)", "forall(s, x -> x <> 'q')",
                "exists(a, x -> x)", "exists(n, x -> true)", "forall(array(), x -> false)", "exists(array(), x -> true)",
                "exists(a, x -> x > n)");
    }

    @Case
    public static void aggregateAndReduce(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, aggregate(col("a"), lit(0), (acc, x) -> acc.plus(x)),
                aggregate(col("a"), lit(0L), (acc, x) -> acc.plus(x), acc -> acc.multiply(10)),
                reduce(col("s"), lit(""), (acc, x) -> concat(acc, x)),
                aggregate(col("s"), lit(""), (acc, x) -> concat(acc, coalesce(x, lit("?")), lit(",")), acc -> upper(acc)));
        showExpr(ctx, df, "aggregate(a, 0, (acc, x) -> acc + x)", "aggregate(a, 0L, (acc, x) -> acc + x)",
                "aggregate(a, 0, (acc, x) -> acc + x, acc -> acc * 2)", "reduce(a, 1, (acc, x) -> acc * x)",
                "aggregate(s, '', (acc, x) -> acc || x)", "aggregate(a, 0, (acc, x) -> acc + x, acc -> CAST(acc AS STRING))",
                "aggregate(b, 0, (acc, x) -> coalesce(x, 0) + acc)", "aggregate(a, 0, (acc, x) -> acc + n)",
                "aggregate(a, 0.0, (acc, x) -> acc + x)", "aggregate(a, 0, (acc, x) -> 'x')",
                "aggregate(array(), 0, (acc, x) -> acc + 1)", "aggregate(a, array(CAST(NULL AS INT)), (acc, x) -> concat(acc, array(x)))",
                "aggregate(a, 0, x -> x)", "aggregate(n, 0, (acc, x) -> acc)");
    }

    @Case
    public static void zipWithAndSort(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        show(ctx, df, zip_with(col("a"), col("b"), (x, y) -> coalesce(x, lit(0)).plus(coalesce(y, lit(0)))),
                zip_with(col("s"), col("a"), (x, y) -> concat(x, y.cast("string"))),
                array_sort(col("s"), (l, r) -> when(l.isNull(), -1).when(r.isNull(), 1).otherwise(when(l.lt(r), 1).when(l.gt(r), -1).otherwise(0))),
                array_sort(col("s"), (l, r) -> when(l.isNull(), 1).when(r.isNull(), -1).otherwise(length(l).minus(length(r)))));
        showExpr(ctx, df, "zip_with(a, b, (x, y) -> x + y)", "zip_with(s, s, (x, y) -> concat(x, y))",
                "zip_with(a, b, (x, y) -> x)", "zip_with(a, array(), (x, y) -> y IS NULL)", "zip_with(a, n, (x, y) -> x)",
                "zip_with(a, b, x -> x)", "array_sort(a, (l, r) -> CASE WHEN l < r THEN 1 WHEN l > r THEN -1 ELSE 0 END)",
                "array_sort(b, (l, r) -> IF(l IS NULL, -1, IF(r IS NULL, 1, l - r)))", "array_sort(s, (l, r) -> 0)",
                "array_sort(a, (l, r) -> 'x')", "array_sort(a, (l, r) -> CAST(l - r AS BIGINT))",
                "array_sort(a)");
    }

    @Case
    public static void mapLambdas(CaseContext ctx) {
        Dataset<Row> df = FnMap.maps(ctx);
        show(ctx, df, map_filter(col("m"), (k, v) -> v.gt(0)), transform_values(col("m"), (k, v) -> v.multiply(2)),
                transform_keys(col("m"), (k, v) -> upper(k)),
                // Spark orders a merged map's keys as its hash map does: compare them sorted
                sort_array(map_keys(map_zip_with(col("m"), map_from_arrays(col("ks"), col("vs")),
                        (k, v1, v2) -> coalesce(v1, lit(0)).plus(coalesce(v2, lit(0)))))),
                map_zip_with(col("m"), map_from_arrays(col("ks"), col("vs")), (k, v1, v2) -> coalesce(v1, lit(0)).plus(v2)).getItem("p"));
        showExpr(ctx, df, "map_filter(m, (k, v) -> k > 'a')", "map_filter(m, (k, v) -> v IS NULL)",
                "transform_values(m, (k, v) -> concat(k, CAST(v AS STRING)))", "transform_values(m, (k, v) -> NULL)",
                "transform_keys(m, (k, v) -> concat(k, '_'))", "transform_keys(m, (k, v) -> v)", "transform_keys(m, (k, v) -> 'same')",
                "map_zip_with(m, map('a', 10, 'z', 26), (k, v1, v2) -> v1 + v2)",
                "map_zip_with(m, map('a', 'x'), (k, v1, v2) -> concat(k, v2))", "map_zip_with(m, map(1, 1), (k, v1, v2) -> k)",
                "map_filter(k, (k, v) -> true)", "map_filter(m, (k, v) -> 1)", "transform_values(m, v -> v)");
    }

    @Case
    public static void lambdasInStream(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "i INT, s STRING",
                new String[] {"{\"i\":1,\"s\":\"a,bb,ccc\"}", "{\"i\":2,\"s\":null}"},
                new String[] {"{\"i\":3,\"s\":\"dd,,e\"}", "{\"i\":4,\"s\":\"\"}"});
        Dataset<Row> out = in.select(col("i"), split(col("s"), ",").as("w"))
                .select(col("i"), transform(col("w"), (x, k) -> concat(upper(x), k.cast("string"))).as("t"),
                        filter(col("w"), x -> length(x).gt(1)).as("f"),
                        exists(col("w"), x -> x.equalTo("")).as("e"),
                        aggregate(col("w"), lit(0), (acc, x) -> acc.plus(length(x)).plus(col("i"))).as("total"))
                .selectExpr("i", "t", "f", "e", "total", "forall(t, x -> length(x) > 1) AS all_long",
                        "reduce(f, '', (acc, x) -> acc || x, acc -> upper(acc)) AS joined");
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }
}
