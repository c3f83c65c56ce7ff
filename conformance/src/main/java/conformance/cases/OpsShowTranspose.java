package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.tideway.sql.functions.array;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.lit;

/**
 * {@code show(numRows, truncate, vertical)}, {@code drop(Column...)} as Spark 4 resolves it, and
 * Spark 4's {@code transpose} with its column naming, casts and refusals (issues 14, 15).
 */
public final class OpsShowTranspose {
    private OpsShowTranspose() {
    }

    private static Dataset<Row> people(CaseContext ctx) {
        StructType schema = new StructType().add("name", DataTypes.StringType).add("age", DataTypes.IntegerType)
                .add("score", DataTypes.DoubleType).add("note", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create("Alice", 34, 7.5, "a rather long note that goes on"));
        rows.add(RowFactory.create("Bob", null, 6.0, null));
        rows.add(RowFactory.create("日本語", 5, -1.25, "wide"));
        return ctx.spark().createDataFrame(rows, schema);
    }

    private static void attempt(CaseContext ctx, String label, Runnable r) {
        try {
            r.run();
            ctx.println(label + ": accepted");
        } catch (Exception e) {
            ctx.println(label + ":");
            ctx.error(e);
        }
    }

    @Case
    public static void showVertical(CaseContext ctx) throws Exception {
        ctx.keepConsoleOrder();
        Dataset<Row> df = people(ctx);
        df.show(20, 20, true);
        df.show(2, 0, true);
        df.show(1, 3, true);
        df.show(3, 10, false);
        df.select(col("name"), array(col("age"), lit(1)).as("arr")).show(5, 8, true);
        df.where("age > 100").show(5, 20, true);
        df.show(0, 20, true);
    }

    @Case
    public static void dropColumns(CaseContext ctx) throws Exception {
        Dataset<Row> df = people(ctx);
        ctx.println(Arrays.asList(df.drop(col("age")).columns()));
        ctx.println(Arrays.asList(df.drop(col("AGE")).columns()));
        ctx.println(Arrays.asList(df.drop(df.col("note"), col("name")).columns()));
        ctx.println(Arrays.asList(df.drop(col("nope")).columns()));
        ctx.println(Arrays.asList(df.drop(col("age").plus(1)).columns()));
        ctx.println(Arrays.asList(df.drop(lit(1)).columns()));
        ctx.println(df.drop(col("score"), col("nope"), col("note")).collectAsList());
        Dataset<Row> nested = df.selectExpr("named_struct('x', age, 'y', name) AS s", "age");
        ctx.println(Arrays.asList(nested.drop(col("s.x")).columns()));
    }

    @Case
    public static void dropAfterJoin(CaseContext ctx) throws Exception {
        Dataset<Row> left = ctx.spark().range(0, 3).selectExpr("id", "id * 10 AS v");
        Dataset<Row> right = ctx.spark().range(1, 4).selectExpr("id", "id * 100 AS w");
        Dataset<Row> joined = left.join(right, left.col("id").equalTo(right.col("id")));
        ctx.println(Arrays.asList(joined.columns()));
        Dataset<Row> dropped = joined.drop(right.col("id"));
        ctx.println(Arrays.asList(dropped.columns()));
        ctx.rows(dropped.collectAsList());
        ctx.println(Arrays.asList(joined.drop(left.col("id"), right.col("w")).columns()));
        attempt(ctx, "unqualified id", () -> ctx.println(Arrays.asList(joined.drop(col("id")).columns())));
        ctx.println(Arrays.asList(joined.drop("id").columns()));
    }

    @Case
    public static void transposeFirstColumn(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("a", DataTypes.IntegerType)
                .add("b", DataTypes.LongType).add("c", DataTypes.ShortType);
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create("y", 1, 10L, (short) 100));
        rows.add(RowFactory.create("x", 2, null, (short) 200));
        rows.add(RowFactory.create(null, 3, 30L, (short) 300));
        rows.add(RowFactory.create("z", 4, 40L, null));
        Dataset<Row> t = ctx.spark().createDataFrame(rows, schema).transpose();
        t.printSchema();
        ctx.println(t.collectAsList());
        Dataset<Row> byB = ctx.spark().createDataFrame(rows, schema).drop("id").transpose(col("b"));
        byB.printSchema();
        ctx.println(byB.collectAsList());
    }

    @Case
    public static void transposeTypes(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(0, 3).selectExpr("CAST(id AS DOUBLE) AS k", "CAST(id AS INT) AS i",
                "id * 1.5D AS d", "CAST(id AS TINYINT) AS t", "NULL AS n");
        Dataset<Row> t = df.transpose();
        t.printSchema();
        ctx.println(t.collectAsList());
        Dataset<Row> dates = ctx.spark().range(0, 2).selectExpr("DATE'2024-01-01' + CAST(id AS INT) AS day", "id AS v");
        Dataset<Row> td = dates.transpose(col("day"));
        ctx.println(Arrays.asList(td.columns()));
        ctx.println(td.collectAsList());
        Dataset<Row> single = ctx.spark().range(0, 2).selectExpr("CAST(id AS STRING) AS only");
        single.transpose().printSchema();
        ctx.println(single.transpose().collectAsList());
        Dataset<Row> none = df.where("k > 10").transpose();
        none.printSchema();
        ctx.println(none.collectAsList());
        Dataset<Row> dup = ctx.spark().range(0, 4).selectExpr("id % 2 AS k", "id AS v");
        ctx.println(Arrays.asList(dup.transpose().columns()));
        ctx.println(dup.transpose().collectAsList());
    }

    @Case
    public static void transposeRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(0, 2).selectExpr("id", "array(id) AS arr", "CAST(id AS STRING) AS s", "id + 1 AS n");
        attempt(ctx, "array index", () -> df.transpose(col("arr")));
        attempt(ctx, "expression index", () -> df.transpose(col("id").plus(1)));
        attempt(ctx, "string and bigint", () -> df.drop("arr").transpose());
        attempt(ctx, "array value", () -> df.drop("s").transpose());
        attempt(ctx, "missing index", () -> df.transpose(col("nope")));
        ctx.spark().conf().set("spark.sql.transposeMaxValues", "1");
        attempt(ctx, "over the limit", () -> df.select("id", "n").transpose());
        java.nio.file.Path in = ctx.dir("in");
        ctx.file(in, "a.csv", "1,2");
        Dataset<Row> stream = ctx.spark().readStream().schema("a INT, b INT").csv(in.toString());
        attempt(ctx, "stream", () -> stream.transpose());
        attempt(ctx, "stream vertical show", () -> stream.show(5, 20, true));
    }
}
