package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * The VARIANT type (Spark 4.0): parse_json and try_parse_json of every JSON kind, to_json,
 * schema_of_variant, is_variant_null, variant_get and try_variant_get with paths and target
 * types, casts to and from variant in SQL text, and variant values collected and shown.
 */
public final class FnVariant {
    private FnVariant() {
    }

    /** JSON texts of every kind: objects (keys out of order, nested), arrays, strings, numbers, literals. */
    static Dataset<Row> docs(CaseContext ctx) {
        return strings(ctx,
                "{\"b\": 2, \"a\": {\"y\": [1, 2.5, \"x\"], \"x\": null}}",
                "[1, 300, 70000, 5000000000, -1]",
                "\"short\"",
                "\"a long string of more than sixty-three bytes, which the encoding keeps apart\"",
                "12345678901234567890123",
                "1.50",
                "1e3",
                "true",
                "null",
                null);
    }

    @Case
    public static void parseJsonKinds(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        show(ctx, df, parse_json(col("s")), to_json(parse_json(col("s"))), schema_of_variant(parse_json(col("s"))),
                is_variant_null(parse_json(col("s"))), try_parse_json(col("s")));
    }

    @Case
    public static void parseJsonErrors(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "{\"a\": 1", "not json", "");
        show(ctx, df, try_parse_json(col("s")), parse_json(col("s")));
        showExpr(ctx, strings(ctx, "{\"a\": 1, \"a\": 2}"), "parse_json(s)", "try_parse_json(s)");
        showExpr(ctx, df, "parse_json(1)", "parse_json(s, s)");
    }

    @Case
    public static void variantGetPaths(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "{\"a\": 1, \"b\": \"2\", \"c\": [10, {\"d\": 1.25}], \"e\": null, \"f.g\": true}",
                "{\"a\": \"text\", \"c\": []}", "[1, 2]", null);
        Dataset<Row> v = df.select(parse_json(col("s")).as("v"));
        show(ctx, v, variant_get(col("v"), "$.a", "int"), variant_get(col("v"), "$.b", "int"),
                variant_get(col("v"), "$.c[1].d", "double"), variant_get(col("v"), "$.c[1]", "variant"),
                variant_get(col("v"), "$.c", "string"), variant_get(col("v"), "$['f.g']", "boolean"),
                variant_get(col("v"), "$[1]", "bigint"), variant_get(col("v"), "$.e", "int"),
                try_variant_get(col("v"), "$.a", "int"), variant_get(col("v"), "$.a", "int"),
                try_variant_get(col("v"), "$.c[1].d", "decimal(5,1)"), variant_get(col("v"), "$", "string"));
        showExpr(ctx, v, "variant_get(v, '$.a')", "variant_get(v, '$.c[0]', 'smallint')",
                "try_variant_get(v, '$.b', 'date')", "variant_get(v, 'a', 'int')", "variant_get(v, '$.a', 'map<string, int>')",
                "variant_get(v, '$.a', 'nonsense')", "is_variant_null(variant_get(v, '$.e'))",
                "is_variant_null(variant_get(v, '$.zz'))");
    }

    @Case
    public static void castsInSql(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "42", "\"7\"", "3.75", "true", "\"abc\"", "{\"k\": 1}", "null", null);
        Dataset<Row> v = df.select(parse_json(col("s")).as("v"));
        showExpr(ctx, v, "CAST(v AS INT)", "TRY_CAST(v AS INT)", "v::string", "CAST(v AS DOUBLE)",
                "CAST(v AS BOOLEAN)", "TRY_CAST(v AS DECIMAL(4, 1))", "CAST(v AS VARIANT)");
        showExpr(ctx, table(ctx), "CAST(i AS VARIANT)", "CAST(l AS VARIANT)", "CAST(d AS VARIANT)",
                "CAST(s AS VARIANT)", "CAST(b AS VARIANT)", "CAST(dt AS VARIANT)", "CAST(ts AS VARIANT)",
                "schema_of_variant(CAST(d AS VARIANT))", "to_json(CAST(ts AS VARIANT))",
                "CAST(CAST(1.50 AS DECIMAL(5, 2)) AS VARIANT)", "CAST(array(i, i) AS VARIANT)",
                "schema_of_variant(CAST(dt AS VARIANT))");
    }

    @Case
    public static void collectAndShow(CaseContext ctx) {
        Dataset<Row> v = docs(ctx).select(col("s"), parse_json(col("s")).as("v"));
        v.printSchema();
        List<String> rows = new ArrayList<>();
        for (Row r : v.collectAsList()) {
            rows.add(Canonical.value(r.get(1)) + " " + (r.get(1) == null ? "null" : r.get(1).getClass().getSimpleName()));
        }
        ctx.println(String.join("\n", rows));
        ctx.show(v.select("v"));
        v.select("v").show(false);
        ctx.println(v.schema().toDDL());
    }

    /** Where Spark refuses a variant: grouping, ordering, comparisons, set operations, hashing, partitioning. */
    @Case
    public static void refusedOperations(CaseContext ctx) {
        Dataset<Row> v = strings(ctx, "1", "{\"a\": 2}").select(col("s"), parse_json(col("s")).as("v"));
        attempt(ctx, "groupBy", () -> v.groupBy(col("v")).count().collectAsList());
        attempt(ctx, "orderBy", () -> v.orderBy(col("v")).collectAsList());
        attempt(ctx, "distinct", () -> v.distinct().collectAsList());
        attempt(ctx, "except", () -> v.except(v).collectAsList());
        attempt(ctx, "intersect", () -> v.intersect(v).collectAsList());
        attempt(ctx, "dropDuplicates", () -> v.dropDuplicates("v").collectAsList());
        attempt(ctx, "repartition", () -> v.repartition(col("v")).collectAsList());
        attempt(ctx, "union", () -> v.union(v).select(to_json(col("v"))).collectAsList());
        showExpr(ctx, v, "v = v", "v < v", "hash(v)", "v IS NULL", "coalesce(v, v)", "array(v, v)",
                "named_struct('f', v)", "if(true, v, v)");
    }

    /** Variant columns written to Parquet and JSON and read back (Parquet keeps the variant; JSON writes its text). */
    @Case
    public static void filesRoundTrip(CaseContext ctx) throws Exception {
        Dataset<Row> v = docs(ctx).select(col("s").as("k"), parse_json(col("s")).as("v"),
                array(parse_json(lit("[1, {\"z\": true}]"))).as("arr"));
        String parquet = ctx.dir("out").resolve("parquet").toString();
        v.coalesce(1).write().parquet(parquet);
        Dataset<Row> back = ctx.spark().read().parquet(parquet);
        back.printSchema();
        List<String> rows = new ArrayList<>();
        for (Row r : back.select(col("k"), to_json(col("v")), schema_of_variant(col("v")), col("arr")).collectAsList()) {
            rows.add(Canonical.value(r));
        }
        java.util.Collections.sort(rows);
        ctx.println(String.join("\n", rows));
        String json = ctx.dir("out").resolve("json").toString();
        v.select("v").coalesce(1).write().json(json);
        List<String> lines = new ArrayList<>();
        for (Row r : ctx.spark().read().text(json).collectAsList()) {
            lines.add(r.getString(0));
        }
        java.util.Collections.sort(lines);
        ctx.println(String.join("\n", lines));
    }

    /** A variant on a stream: parsed per batch, read by path, and kept in an aggregation's state. */
    @Case
    public static void variantOnStream(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "k STRING, j STRING",
                new String[] {"{\"k\":\"a\",\"j\":\"{\\\"n\\\": 1, \\\"t\\\": [1, 2]}\"}",
                        "{\"k\":\"b\",\"j\":\"[true]\"}"},
                new String[] {"{\"k\":\"a\",\"j\":\"{\\\"n\\\": 2.5}\"}"});
        Dataset<Row> v = in.select(col("k"), parse_json(col("j")).as("v"));
        OpsData.run(ctx, v.select(col("k"), col("v"), variant_get(col("v"), "$.n", "double").as("n"),
                schema_of_variant(col("v")).as("schema")));
        OpsData.run(ctx, v.groupBy("k").agg(last("v").as("latest"), collect_list(col("v")).as("all"), count("v").as("c")),
                "complete");
    }

    /** Parquet files with variant columns that Spark 4.0.4 and Tideway wrote, each read by both. */
    @Case
    public static void readsCommittedParquet(CaseContext ctx) throws Exception {
        for (String name : new String[] {"spark-variant.snappy.parquet", "tideway-variant.snappy.parquet"}) {
            java.nio.file.Path in = ctx.dir("in-" + name.substring(0, name.indexOf('-')));
            ctx.input(in, name);
            Dataset<Row> df = ctx.spark().read().parquet(in.toString());
            ctx.println("-- " + name + " --");
            df.printSchema();
            List<String> rows = new ArrayList<>();
            for (Row r : df.select(col("k"), col("v"), variant_get(col("v"), "$.a.y[1]", "double"),
                    is_variant_null(col("v")), col("arr")).collectAsList()) {
                rows.add(Canonical.value(r));
            }
            java.util.Collections.sort(rows);
            ctx.println(String.join("\n", rows));
        }
    }

    /** variant_explode and variant_explode_outer in SQL: fields of objects, elements of arrays, nothing of scalars. */
    @Case
    public static void explode(CaseContext ctx) {
        Dataset<Row> v = strings(ctx, "{\"b\": [1, 2], \"a\": \"x\"}", "[true, null, {\"c\": 1}]", "5", "null", null)
                .select(col("s"), parse_json(col("s")).as("v"));
        v.createOrReplaceTempView("variants");
        for (String sql : new String[] {
            "SELECT s, pos, key, value FROM variants, LATERAL variant_explode(v)",
            "SELECT s, pos, key, value FROM variants, LATERAL variant_explode_outer(v)",
            "SELECT * FROM variant_explode(parse_json('{\"k\": {\"n\": 1}, \"j\": []}'))",
            "SELECT variant_explode(v) FROM variants",
            "SELECT s, schema_of_variant(value) FROM variants LATERAL VIEW variant_explode(v) t AS pos, key, value"}) {
            try {
                Dataset<Row> r = ctx.spark().sql(sql);
                ctx.println(sql + " :: " + r.schema().simpleString());
                ctx.rows(r.collectAsList());
            } catch (Exception e) {
                ctx.println(sql + " => " + Canonical.error(e));
            }
        }
    }

    /** schema_of_variant_agg: the schemas of a column's variants merged, per group and overall. */
    @Case
    public static void schemaOfVariantAgg(CaseContext ctx) {
        Dataset<Row> v = strings(ctx, "{\"a\": 1}", "{\"b\": true, \"a\": 2.5}", "[1, \"x\"]", "null", null, "{\"a\": 1e3}")
                .select(col("s"), parse_json(col("s")).as("v"));
        showExpr(ctx, v, "schema_of_variant_agg(v)");
        showExpr(ctx, v.filter("s LIKE '{%'"), "schema_of_variant_agg(v)");
        showExpr(ctx, v.filter("s IS NULL"), "schema_of_variant_agg(v)");
        show(ctx, v.filter("s LIKE '[%' OR s = 'null'"), schema_of_variant_agg(col("v")));
    }

    private static void attempt(CaseContext ctx, String what, java.util.concurrent.Callable<List<Row>> action) {
        try {
            List<String> rows = new ArrayList<>();
            for (Row r : action.call()) {
                rows.add(Canonical.value(r));
            }
            java.util.Collections.sort(rows);
            ctx.println(what + " => " + String.join(" | ", rows));
        } catch (Exception e) {
            ctx.println(what + " => " + Canonical.error(e));
        }
    }
}
