package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Structs as values: struct and named_struct, field access (getField, dotted names, {@code s.*}),
 * withField, printing, comparison and ordering, casts to and from structs, and a
 * struct built and taken apart in a streaming query.
 */
public final class FnStruct {
    private FnStruct() {
    }

    /** {@code p struct<x: int, y: string>}, {@code q struct<a: struct<b: double>, arr: array<int>>}. */
    static Dataset<Row> nested(CaseContext ctx) {
        StructType p = new StructType().add("x", DataTypes.IntegerType).add("y", DataTypes.StringType);
        StructType a = new StructType().add("b", DataTypes.DoubleType);
        StructType q = new StructType().add("a", a).add("arr", DataTypes.createArrayType(DataTypes.IntegerType));
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("p", p).add("q", q);
        return table(ctx, schema,
                new Object[] {1, row(1, "one"), row(row(1.5), Arrays.asList(1, 2))},
                new Object[] {2, row(null, "two"), row(null, Arrays.asList())},
                new Object[] {3, null, row(row((Object) null), null)},
                new Object[] {4, row(-4, null), null});
    }

    private static Row row(Object... values) {
        return io.tideway.sql.RowFactory.create(values);
    }

    private static void rows(CaseContext ctx, Dataset<Row> df) {
        ctx.println(String.join(", ", df.columns()) + " :: " + df.schema().simpleString());
        for (Row r : df.collectAsList()) {
            ctx.println(conformance.Canonical.value(r));
        }
    }

    private static void attempt(CaseContext ctx, String label, java.util.function.Supplier<Dataset<Row>> df) {
        try {
            rows(ctx, df.get());
        } catch (Exception e) {
            ctx.println(label + " => " + conformance.Canonical.error(e));
        }
    }

    @Case
    public static void structConstruction(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, struct(col("i"), col("s")), struct("i", "s"), struct(col("i").as("x"), col("s").as("y")),
                struct(col("i").plus(1), lit("k")), named_struct(lit("a"), col("i"), lit("b"), col("d")),
                struct(col("ts"), col("dt"), col("b")), struct(struct(col("i")), array(col("l"))));
        showExpr(ctx, df, "struct(i, s)", "struct(i AS x, s)", "struct(i + 1, 'k')", "named_struct('a', i, 'b', s)",
                "named_struct('a', 1, 'b', NULL)", "struct(NULL)", "named_struct('a', i, 'a', l)",
                "struct(struct(i), array(s))", "named_struct('a')", "named_struct(s, 1)", "named_struct(NULL, 1)",
                "struct(i, s).i", "named_struct('x', d).x", "struct(1, 2).col2", "struct(i).nope", "i.x");
    }

    @Case
    public static void structFieldAccess(CaseContext ctx) {
        Dataset<Row> df = nested(ctx);
        df.printSchema();
        show(ctx, df, col("p"), col("p.x"), col("p").getField("y"), col("q.a.b"), col("q").getField("a").getField("b"),
                col("q.arr"), col("p").getField("nope"), col("p.nope"), col("id").getField("x"));
        showExpr(ctx, df, "p.x", "p.y", "q.a", "q.a.b", "q.arr[0]", "p.X", "p.nope");
        rows(ctx, df.select("p.*"));
        rows(ctx, df.select(col("q.*")));
        rows(ctx, df.selectExpr("id", "p.*", "q.a.*"));
        df.createOrReplaceTempView("nested");
        rows(ctx, ctx.spark().sql("SELECT id, p.x, q.a.b AS b, p.* FROM nested WHERE p.x > 0"));
        attempt(ctx, "id.*", () -> df.select("id.*"));
    }

    @Case
    public static void withField(CaseContext ctx) {
        Dataset<Row> df = nested(ctx);
        show(ctx, df, col("p").withField("z", lit(1)), col("p").withField("x", col("p.x").plus(10)),
                col("p").withField("y", lit(null)), col("q").withField("a.c", lit("n")), col("q").withField("a.b", lit(0)),
                col("id").withField("x", lit(1)), col("p").withField("x", lit(1)).withField("w", col("id")),
                col("p").withField("nope.x", lit(1)));
    }

    @Case
    public static void dropFields(CaseContext ctx) {
        Dataset<Row> df = nested(ctx);
        show(ctx, df, col("p").dropFields(names("x")), col("p").dropFields(names("Y")), col("p").dropFields(names("nope")),
                col("q").dropFields(names("arr")), col("q").dropFields(names("arr", "nope")), col("q").dropFields(names("a.nope")),
                col("p").dropFields(names("x")).withField("z", lit(1)), col("p").withField("z", col("id")).dropFields(names("x", "y")),
                col("p").withField("x", lit(2)).dropFields(names("X")), col("q").withField("a.c", lit("n")).dropFields(names("a.b")));
        show(ctx, df, col("p").dropFields(names("x", "y")), col("q").dropFields(names("a.b")), col("q").dropFields(names("nope.x")),
                col("id").dropFields(names("x")), col("p").dropFields(names("x")).dropFields(names("y")));
        df.select(col("q").withField("a.c", lit("n")).dropFields(names("a.b", "arr")).as("dropped")).printSchema();
        rows(ctx, df.select(col("id"), col("q").withField("a.c", lit("n")).dropFields(names("a.b")).as("q2")));
        rows(ctx, df.select(col("p").dropFields(names("y")).getField("x").as("px")));
    }

    private static scala.collection.immutable.Seq<String> names(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(names)).toList();
    }

    @Case
    public static void structPrinting(CaseContext ctx) {
        Dataset<Row> df = nested(ctx);
        df.show();
        df.show(false);
        Dataset<Row> arrays = df.select(col("id"), array(col("p"), col("p")).as("ps"),
                map(lit("k"), col("p")).as("m"), col("p").cast("string").as("text"));
        arrays.show(false);
        rows(ctx, arrays);
    }

    @Case
    public static void structComparison(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "struct(1, 'a') = struct(1, 'a')", "named_struct('a', i) = named_struct('a', 1)",
                "struct(i, s) < struct(1, 'z')", "struct(i, s) <=> struct(i, s)", "struct(1, NULL) = struct(1, NULL)",
                "struct(i) = struct(l)", "struct(i) = struct(s)", "struct(i) = 1", "struct(i, d) > struct(0, 0.0)",
                "greatest(struct(i), struct(1))", "struct(i) IN (struct(1), struct(42))");
        Dataset<Row> n = nested(ctx);
        rows(ctx, n.orderBy(col("p")).select("id"));
        rows(ctx, n.orderBy(col("p").desc()).select("id"));
        rows(ctx, df.groupBy(struct(col("b")).as("k")).count().orderBy("k"));
    }

    @Case
    public static void structCasts(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "CAST(named_struct('a', 1, 'b', '2') AS STRUCT<x: STRING, y: INT>)", "CAST(struct(i, s) AS STRING)",
                "CAST(struct(i, s) AS STRUCT<a: BIGINT, b: STRING>)", "CAST(struct(i) AS STRUCT<a: INT, b: INT>)",
                "CAST(struct(s) AS STRUCT<a: INT>)", "try_cast(struct(s) AS STRUCT<a: INT>)",
                "CAST(struct(d, ts, dt) AS STRING)", "CAST(struct(i) AS INT)", "CAST(NULL AS STRUCT<a: INT>)");
        show(ctx, df, struct(col("i"), col("s")).cast("struct<a:string,b:string>"),
                struct(col("i"), col("b")).cast(DataTypes.StringType));
    }

    @Case
    public static void rowValues(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "(i, s) IN ((1, 'Spark SQL'), (0, ''))", "(i, l) IN ((1, 10), (42, 1234567890123))",
                "(i, s) NOT IN ((1, 'Spark SQL'))", "not(b, b)", "(i, s) = (1, 'Spark SQL')");
    }

    @Case
    public static void structsInStreamingQuery(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "i INT, l BIGINT, s STRING",
                new String[] {"{\"i\":7,\"l\":10,\"s\":\"a\"}", "{\"i\":-3,\"l\":null,\"s\":null}"},
                new String[] {"{\"i\":null,\"l\":5,\"s\":\"c\"}"});
        Dataset<Row> out = in.select(struct(col("i"), col("s")).as("p"), named_struct(lit("n"), col("l")).as("q"))
                .withColumn("p2", col("p").withField("z", col("p.i").plus(1)))
                .select(col("p"), col("p.i"), col("q.n"), col("p2"), col("p2").getField("z").as("z"))
                .where(col("p.i").isNotNull().or(col("q.n").gt(0)));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }
}
