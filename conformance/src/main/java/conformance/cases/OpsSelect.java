package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.OpsData.devices;
import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static conformance.cases.OpsData.types;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.expr;
import static io.tideway.sql.functions.lit;

/** Selection and projection on a streaming DataFrame: select, where/filter, withColumn, drop, union, schemas. */
public final class OpsSelect {
    private OpsSelect() {
    }

    @Case
    public static void selectColumns(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).select(col("device"), col("signal")));
    }

    @Case
    public static void selectColumnNames(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).select("deviceType", "device"));
    }

    @Case
    public static void selectComputedColumns(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select(col("device"), col("signal").multiply(2).as("doubled"),
                lit("x").as("tag"), col("signal").gt(10));
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void selectExprSqlText(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).selectExpr("device", "signal * 2 AS doubled", "signal + 1 plus_one",
                "deviceType = 'router'");
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void selectStar(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select("*");
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    /** The guide's {@code df.select("device").where("signal > 10")}: the filter names a column the select dropped. */
    @Case
    public static void guideSelectThenWhere(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select("device").where("signal > 10");
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void whereColumnCondition(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).where(col("signal").geq(10).and(col("deviceType").notEqual("camera"))));
    }

    @Case
    public static void filterStringCondition(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).filter("signal < 5 OR deviceType = 'camera'"));
    }

    @Case
    public static void filterWithDatasetColumn(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        run(ctx, df.filter(df.col("signal").leq(df.apply("signal").divide(2).plus(10))));
    }

    @Case
    public static void whereNonBooleanRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "where(col)", () -> df.where(col("signal")));
        error(ctx, "where(string)", () -> df.where("device"));
    }

    @Case
    public static void withColumnAppends(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).drop("time").withColumn("strong", col("signal").gt(10));
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void withColumnReplacesInPlace(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).withColumn("signal", col("signal").cast("int"));
        fields(ctx, df);
        run(ctx, df.drop("time"));
    }

    @Case
    public static void withColumnRenamed(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).withColumnRenamed("deviceType", "kind").withColumnRenamed("missing", "x");
        ctx.println(String.join(",", df.columns()));
        run(ctx, df.select("kind", "device"));
    }

    @Case
    public static void dropColumns(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        ctx.println(String.join(",", df.drop("time").columns()));
        ctx.println(String.join(",", df.drop("time", "signal", "nope").columns()));
        run(ctx, df.drop("time", "signal", "nope"));
    }

    @Case
    public static void aliasAsAndName(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select(col("device").as("a"), col("deviceType").alias("b"),
                col("signal").name("c"), col("signal").plus(1).as("d").as("e"));
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void columnsOfDerivedFrames(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        ctx.println(String.join(",", df.columns()) + " streaming=" + df.isStreaming());
        Dataset<Row> derived = df.select(col("signal").plus(1), col("device"), col("signal").isNull(),
                lit(3), expr("signal / 2"));
        ctx.println(String.join(",", derived.columns()) + " streaming=" + derived.isStreaming());
        Dataset<Row> grouped = df.groupBy("deviceType").count();
        ctx.println(String.join(",", grouped.columns()) + " streaming=" + grouped.isStreaming());
    }

    @Case
    public static void printSchemaOfDerivedFrame(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx).select(col("i"), col("i").plus(1).as("i1"), lit(1).as("one"),
                lit("x").as("str"), lit(null).as("nothing"), col("s").cast("int").as("si"),
                col("d").gt(0).as("positive"), col("b").isNull().as("bnull"), lit(2.5).multiply(lit(2)).as("five"));
        df.printSchema();
    }

    @Case
    public static void schemaOfSourceAndProjection(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        fields(ctx, df);
        ctx.println("--");
        fields(ctx, df.selectExpr("l * 2 AS l2", "d + i AS di", "i / 2 AS half", "s AS s2", "NOT b AS nb",
                "i IS NULL AS inull", "1 AS one"));
    }

    @Case
    public static void unresolvedColumnInSelect(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "select(String)", () -> df.select("sginal"));
        error(ctx, "select(Column)", () -> df.select(col("devise").plus(1)));
        error(ctx, "selectExpr", () -> df.selectExpr("nope * 2"));
    }

    @Case
    public static void unresolvedColumnInWhere(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "where(String)", () -> df.where("sigal > 10"));
        error(ctx, "where(Column)", () -> df.where(col("sigal").gt(10)));
        error(ctx, "withColumn", () -> df.withColumn("x", col("nope")));
    }

    @Case
    public static void unresolvedDatasetCol(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "col", () -> df.col("nope"));
        error(ctx, "apply", () -> df.apply("Signal"));
    }

    @Case
    public static void ambiguousReference(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select(col("device"), col("signal").as("device"));
        ctx.println(String.join(",", df.columns()));
        error(ctx, "select", () -> df.select("device"));
        error(ctx, "where", () -> df.where("device = 'd1'"));
    }

    @Case
    public static void columnNamesAreCaseInsensitive(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select(col("DEVICE"), col("Signal")).where("SIGNAL > 20");
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void unionOfTwoStreams(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        Dataset<Row> u = df.where("signal > 20").select("device", "signal")
                .union(df.where("signal < 5").select("device", "signal"));
        ctx.println(String.join(",", u.columns()));
        run(ctx, u);
    }

    @Case
    public static void unionAllKeepsDuplicates(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select("deviceType");
        run(ctx, df.unionAll(df));
    }

    @Case
    public static void unionMatchesByPosition(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).where("signal > 20");
        Dataset<Row> u = df.select("device", "deviceType").union(df.select("deviceType", "device"));
        ctx.println(String.join(",", u.columns()));
        run(ctx, u);
    }

    @Case
    public static void unionWidensTypes(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        Dataset<Row> u = df.select(col("i").as("n")).union(df.select(col("l"))).union(df.select(col("d")));
        fields(ctx, u);
        run(ctx, u);
    }

    @Case
    public static void unionColumnCountMismatch(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "union", () -> df.select("device").union(df.select("device", "signal")));
    }

    @Case
    public static void unionIncompatibleTypes(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        error(ctx, "int/boolean", () -> df.select("i").union(df.select("b")));
        error(ctx, "int/string", () -> fields(ctx, df.select("i").union(df.select("s"))));
    }

    @Case
    public static void unionWithStaticRefused(CaseContext ctx) throws Exception {
        Dataset<Row> stream = devices(ctx).select("device");
        Dataset<Row> stat = ctx.spark().createDataFrame(java.util.List.of(io.tideway.sql.RowFactory.create("s1")),
                new io.tideway.sql.types.StructType().add("device", "string"));
        Dataset<Row> u = stream.union(stat);
        ctx.println("streaming=" + u.isStreaming());
        error(ctx, "start", () -> run(ctx, u));
    }

    @Case
    public static void toDFRenamesAllColumns(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select("device", "signal").toDF("id", "level");
        ctx.println(String.join(",", df.columns()) + " streaming=" + df.isStreaming());
        run(ctx, df.where("level > 20"));
        error(ctx, "toDF(one name)", () -> df.toDF("x"));
    }

    @Case
    public static void batchActionsOnStreamRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select("device");
        error(ctx, "count", () -> df.count());
        error(ctx, "collectAsList", () -> df.collectAsList());
        error(ctx, "show", () -> df.show());
    }

    @Case
    public static void writeStreamOnStaticRefused(CaseContext ctx) throws Exception {
        Dataset<Row> stat = ctx.spark().createDataFrame(java.util.List.of(io.tideway.sql.RowFactory.create("s1")),
                new io.tideway.sql.types.StructType().add("device", "string"));
        ctx.println("streaming=" + stat.isStreaming());
        error(ctx, "writeStream", () -> stat.writeStream());
    }
}
