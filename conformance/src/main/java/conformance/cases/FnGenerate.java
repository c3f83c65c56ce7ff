package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import java.util.List;

import static conformance.cases.FnArray.arrays;
import static conformance.cases.FnMap.maps;
import static io.tideway.sql.functions.*;

/**
 * Generators with several columns: posexplode and posexplode_outer ({@code pos}, {@code col}),
 * explode of a map ({@code key}, {@code value}), stack ({@code col0, col1, ...}), multi-aliases
 * ({@code as(String[])}, SQL {@code AS (a, b)}) and their errors, in static Datasets and in a
 * micro-batch stream (the generated chain path).
 */
public final class FnGenerate {
    private FnGenerate() {
    }

    /** Prints the schema, the column's string form when given, then the rows sorted. */
    private static void print(CaseContext ctx, String label, java.util.concurrent.Callable<Dataset<Row>> build) {
        ctx.println("-- " + label);
        try {
            Dataset<Row> out = build.call();
            OpsData.fields(ctx, out);
            for (String line : Canonical.sortedRows(out.collectAsList())) {
                ctx.println(line);
            }
        } catch (Exception e) {
            ctx.println(Canonical.error(e));
        }
    }

    @Case
    public static void posexplodeArrays(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        print(ctx, "posexplode(a)", () -> df.select(col("n"), posexplode(col("a"))));
        print(ctx, "posexplode_outer(a)", () -> df.select(col("n"), posexplode_outer(col("a"))));
        print(ctx, "posexplode(s) only", () -> df.select(posexplode(col("s"))));
        print(ctx, "selectExpr posexplode_outer(s)", () -> df.selectExpr("n", "posexplode_outer(s)"));
        print(ctx, "selectExpr posexplode(b) AS (p, v)", () -> df.selectExpr("posexplode(b) AS (p, v)", "n"));
        print(ctx, "as(String[])", () -> df.select(posexplode(col("a")).as(new String[] {"i", "x"}), col("n")));
        print(ctx, "posexplode(array(...))", () -> df.selectExpr("posexplode(array(n, n + 1))"));
    }

    @Case
    public static void explodeMaps(CaseContext ctx) {
        Dataset<Row> df = maps(ctx);
        print(ctx, "explode(m)", () -> df.select(col("k"), explode(col("m"))));
        print(ctx, "explode_outer(m)", () -> df.select(col("k"), explode_outer(col("m"))));
        print(ctx, "posexplode(m)", () -> df.select(posexplode(col("m")), col("k")));
        print(ctx, "posexplode_outer(m)", () -> df.select(posexplode_outer(col("m"))));
        print(ctx, "selectExpr explode(m) AS (mk, mv)", () -> df.selectExpr("explode(m) AS (mk, mv)"));
        print(ctx, "as(Seq)", () -> df.select(explode(col("m")).as(
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("a", "b")).toList())));
        print(ctx, "explode(map(...))", () -> df.selectExpr("k", "explode(map('x', 1, 'y', NULL))"));
    }

    @Case
    public static void stackRows(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        print(ctx, "stack(2, n, n + 1, n * 2)", () -> df.selectExpr("stack(2, n, n + 1, n * 2)"));
        print(ctx, "stack(1, 'a', n)", () -> df.selectExpr("n", "stack(1, 'a', n)"));
        print(ctx, "stack(3, 1, 2, 3) AS x", () -> df.selectExpr("stack(3, 1, 2, 3) AS x").limit(3));
        print(ctx, "stack(2, 'a', 1, NULL, 2) AS (s, i)", () -> df.selectExpr("stack(2, 'a', 1, NULL, 2) AS (s, i)"));
        print(ctx, "functions.stack", () -> df.select(stack(lit(2), col("n"), col("a"), lit(7), col("b"))));
        print(ctx, "stack(2, 1, 'a')", () -> df.selectExpr("stack(2, 1, 'a')"));
        print(ctx, "stack(1)", () -> df.selectExpr("stack(1)"));
        print(ctx, "stack(n, 1)", () -> df.selectExpr("stack(n, 1)"));
        print(ctx, "stack(0, 1)", () -> df.selectExpr("stack(0, 1)"));
        print(ctx, "stack('2', 1)", () -> df.selectExpr("stack('2', 1)"));
    }

    @Case
    public static void inlineStructs(CaseContext ctx) {
        Dataset<Row> df = arrays(ctx);
        print(ctx, "inline(arrays_zip(a, b))", () -> df.select(col("n"), inline(arrays_zip(col("a"), col("b")))));
        print(ctx, "inline_outer(arrays_zip(a, s))", () -> df.select(inline_outer(arrays_zip(col("a"), col("s"))), col("n")));
        print(ctx, "selectExpr inline AS (x, y)", () -> df.selectExpr("inline(arrays_zip(s, b)) AS (x, y)"));
        print(ctx, "inline of a non-struct array", () -> df.selectExpr("inline(a)"));
        ctx.println(inline(col("a")).toString());
    }

    @Case
    public static void jsonTuple(CaseContext ctx) {
        Dataset<Row> df = FnSupport.strings(ctx, "{\"a\": 1, \"b\": \"x\", \"c\": {\"d\": [1, 2]}}",
                "{\"a\": null, \"b\": true, \"b\": 2.5}", "[1, 2]", "not json", "", null, "{\"A\": 3, \"c\": \"q\\\"r\"}");
        print(ctx, "json_tuple(s, a, b, c)", () -> df.select(col("s"), json_tuple(col("s"), "a", "b", "c")));
        print(ctx, "selectExpr AS (x, y)", () -> df.selectExpr("json_tuple(s, 'c', 'a') AS (x, y)"));
        print(ctx, "a name twice", () -> df.selectExpr("json_tuple(s, 'a', 'a', NULL)"));
        print(ctx, "one name", () -> df.selectExpr("json_tuple(s, 'b') AS v"));
        print(ctx, "non-string", () -> df.selectExpr("json_tuple(s, 1)"));
        print(ctx, "no names", () -> df.selectExpr("json_tuple(s)"));
    }

    @Case
    public static void generatorErrors(CaseContext ctx) {
        Dataset<Row> df = maps(ctx);
        print(ctx, "one alias for two columns", () -> df.select(explode(col("m")).as("x")));
        print(ctx, "three aliases for two columns", () -> df.select(posexplode(col("ks")).as(new String[] {"a", "b", "c"})));
        print(ctx, "SQL aliases mismatch", () -> df.selectExpr("posexplode(m) AS (a, b)"));
        print(ctx, "two generators", () -> df.select(posexplode(col("ks")), explode(col("m"))));
        print(ctx, "nested", () -> df.select(size(posexplode(col("ks")))));
        print(ctx, "posexplode of a string", () -> df.select(posexplode(col("k"))));
        for (Column c : List.of(posexplode(col("ks")), posexplode_outer(col("m")), stack(lit(1), col("k")),
                posexplode(col("m")).as(new String[] {"p", "k", "v"}))) {
            ctx.println(c.toString());
        }
    }

    @Case
    public static void generatorsInStream(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "i INT, s STRING",
                new String[] {"{\"i\":1,\"s\":\"a,b\"}", "{\"i\":2,\"s\":null}"},
                new String[] {"{\"i\":3,\"s\":\"c\"}", "{\"i\":4,\"s\":\"\"}"});
        Dataset<Row> out = in.select(col("i"), posexplode_outer(split(col("s"), ",")).as(new String[] {"p", "w"}))
                .selectExpr("i", "p", "upper(w) AS w", "map(coalesce(w, '-'), i) AS m")
                .selectExpr("i", "p", "explode(m) AS (k, v)")
                .selectExpr("i", "p", "k", "v", "stack(2, k, v, upper(k), v + 10) AS (sk, sv)");
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }
}
