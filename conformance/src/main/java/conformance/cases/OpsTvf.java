package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.concurrent.Callable;

import static io.tideway.sql.functions.array;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.map;
import static io.tideway.sql.functions.parse_json;
import static io.tideway.sql.functions.struct;

/**
 * Table-valued functions: {@code range(...)} and the generators in a FROM clause, alone and joined
 * laterally to the relation before them ({@code t, LATERAL explode(t.arr)}), and Spark 4's
 * {@code tvf()} API. Each query prints its schema and its rows (sorted), or its error.
 */
public final class OpsTvf {
    private OpsTvf() {
    }

    /** {@code items(id, arr, m)}: arrays and maps to explode, one of them null and one empty. */
    private static void items(CaseContext ctx) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType)
                .add("arr", DataTypes.createArrayType(DataTypes.StringType))
                .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType));
        JoinsInput.rows(ctx, schema,
                new Object[] {1, java.util.List.of("a", "b"), new java.util.TreeMap<>(java.util.Map.of("x", 1))},
                new Object[] {2, java.util.List.of(), new java.util.TreeMap<>(java.util.Map.of("y", 2, "z", 3))},
                new Object[] {3, null, null}).createOrReplaceTempView("items");
    }

    private static void sql(CaseContext ctx, String... queries) {
        for (String q : queries) {
            show(ctx, q, () -> ctx.spark().sql(q));
        }
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
    public static void rangeInFrom(CaseContext ctx) {
        sql(ctx, "SELECT * FROM range(5)",
                "SELECT id * 2 AS d FROM range(1, 10, 3)",
                "SELECT * FROM range(0, 6, 2, 3) AS r(n)",
                "SELECT count(*), sum(id) FROM range(10)",
                "SELECT r.id FROM range(3) r WHERE r.id > 0",
                "SELECT * FROM range(10) WHERE id % 4 = 0",
                "SELECT * FROM range(5, 0, -2)",
                "SELECT * FROM range(1 + 1)");
    }

    @Case
    public static void generatorsInFrom(CaseContext ctx) {
        sql(ctx, "SELECT * FROM explode(array(1, 2, 3))",
                "SELECT * FROM explode(map('a', 1, 'b', 2))",
                "SELECT * FROM posexplode(array('x', 'y'))",
                "SELECT * FROM inline(array(struct(1, 'a'), struct(2, 'b')))",
                "SELECT * FROM stack(2, 1, 'a', 2, 'b')",
                "SELECT * FROM json_tuple('{\"a\": 1, \"b\": \"x\"}', 'a', 'b')",
                "SELECT * FROM explode(array(10, 20)) AS t(v)",
                "SELECT v + 1 AS w FROM explode(array(10, 20)) AS t(v) WHERE v > 10",
                "SELECT * FROM explode_outer(array(7))",
                "SELECT * FROM posexplode_outer(map('k', true))",
                "SELECT * FROM inline_outer(array(struct(1 AS p, 'q' AS r)))");
    }

    @Case
    public static void lateralGenerators(CaseContext ctx) {
        items(ctx);
        sql(ctx, "SELECT id, col FROM items, LATERAL explode(arr)",
                "SELECT items.id, col FROM items, LATERAL explode(items.arr)",
                "SELECT id, pos, col FROM items CROSS JOIN LATERAL posexplode(arr)",
                "SELECT id, key, value FROM items, LATERAL explode(m)",
                "SELECT id, col FROM items, LATERAL explode_outer(arr)",
                "SELECT id, x FROM items, LATERAL explode(arr) AS e(x) WHERE x <> 'b'",
                "SELECT id, k, v FROM items, LATERAL explode(m) t(k, v) ORDER BY id, k",
                "SELECT id, col FROM items JOIN LATERAL explode(arr) ON true",
                "SELECT id, count(*) AS n FROM items, LATERAL explode(m) GROUP BY id",
                "SELECT id, col0, col1 FROM items, LATERAL stack(2, id, 'p', id * 10, 'q')");
    }

    @Case
    public static void errors(CaseContext ctx) {
        items(ctx);
        sql(ctx, "SELECT * FROM no_such_tvf(1)",
                "SELECT * FROM explode(1)",
                "SELECT * FROM explode(array(1), array(2))");
    }

    @Case
    public static void tvfApi(CaseContext ctx) {
        show(ctx, "range(3)", () -> ctx.spark().tvf().range(3).toDF());
        show(ctx, "range(2, 8, 3)", () -> ctx.spark().tvf().range(2, 8, 3).toDF());
        show(ctx, "range(0, 4, 1, 2)", () -> ctx.spark().tvf().range(0, 4, 1, 2).toDF());
        show(ctx, "explode", () -> ctx.spark().tvf().explode(array(lit(1), lit(2))));
        show(ctx, "explode map", () -> ctx.spark().tvf().explode(map(lit("a"), lit(1))));
        show(ctx, "explode_outer", () -> ctx.spark().tvf().explode_outer(array(lit("z"))));
        show(ctx, "posexplode", () -> ctx.spark().tvf().posexplode(array(lit("p"), lit("q"))));
        show(ctx, "posexplode_outer", () -> ctx.spark().tvf().posexplode_outer(array(lit(true))));
        show(ctx, "inline", () -> ctx.spark().tvf().inline(array(struct(lit(1).as("a"), lit("x").as("b")))));
        show(ctx, "inline_outer", () -> ctx.spark().tvf().inline_outer(array(struct(lit(2).as("a")))));
        show(ctx, "json_tuple", () -> ctx.spark().tvf().json_tuple(lit("{\"a\": 1, \"b\": [2]}"), lit("a"), lit("b")));
        show(ctx, "stack", () -> ctx.spark().tvf().stack(lit(2), lit(1), lit(2), lit(3), lit(4)));
        show(ctx, "variant_explode", () -> ctx.spark().tvf().variant_explode(parse_json(lit("{\"a\": 1, \"b\": [true]}"))));
        show(ctx, "variant_explode_outer", () -> ctx.spark().tvf().variant_explode_outer(parse_json(lit("3"))));
        show(ctx, "explode then select", () -> ctx.spark().tvf().explode(array(lit(5), lit(6))).select(col("col").plus(1)));
    }
}
