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
import static io.tideway.sql.functions.avg;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.expr;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.mean;
import static io.tideway.sql.functions.min;
import static io.tideway.sql.functions.sum;

/** Aggregations on a streaming DataFrame (no event-time windows), in update and complete mode, over several batches. */
public final class OpsAggregate {
    private OpsAggregate() {
    }

    /** Keys and values of each type, with nulls, in three batches. */
    private static Dataset<Row> measures(CaseContext ctx) throws Exception {
        return json(ctx, "k STRING, i INT, l BIGINT, d DOUBLE, s STRING, ts TIMESTAMP",
                new String[] {
                    "{\"k\":\"a\",\"i\":1,\"l\":100,\"d\":0.5,\"s\":\"pear\",\"ts\":\"2024-01-01T10:00:00Z\"}",
                    "{\"k\":\"a\",\"i\":null,\"l\":null,\"d\":null,\"s\":null,\"ts\":null}",
                    "{\"k\":\"b\",\"i\":5,\"l\":-7,\"d\":2.25,\"s\":\"apple\",\"ts\":\"2024-01-01T09:00:00Z\"}"},
                new String[] {
                    "{\"k\":\"a\",\"i\":3,\"l\":200,\"d\":-1.0,\"s\":\"zucchini\",\"ts\":\"2024-01-02T00:00:00Z\"}",
                    "{\"k\":\"c\",\"i\":null,\"l\":null,\"d\":null,\"s\":null,\"ts\":null}"},
                new String[] {
                    "{\"k\":null,\"i\":10,\"l\":1,\"d\":1.0,\"s\":\"fig\",\"ts\":\"2024-01-01T00:00:00Z\"}",
                    "{\"k\":\"b\",\"i\":4,\"l\":7,\"d\":0.75,\"s\":\"banana\",\"ts\":\"2024-01-01T09:30:00Z\"}"});
    }

    /** The guide's {@code df.groupBy("deviceType").count()} in update mode: each batch has the changed groups. */
    @Case
    public static void guideGroupByCountUpdate(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).groupBy("deviceType").count(), "update");
    }

    @Case
    public static void groupByCountComplete(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).groupBy("deviceType").count(), "complete");
    }

    @Case
    public static void aggOnIntsWithNulls(CaseContext ctx) throws Exception {
        Dataset<Row> agg = measures(ctx).groupBy("k").agg(count(col("i")), count(lit(1)), count("*"), sum("i"),
                avg("i"), min("i"), max("i"));
        ctx.println(String.join(",", agg.columns()));
        run(ctx, agg, "complete");
    }

    @Case
    public static void aggOnLongsAndDoubles(CaseContext ctx) throws Exception {
        Dataset<Row> agg = measures(ctx).groupBy(col("k")).agg(sum(col("l")), avg(col("l")), min(col("l")),
                max(col("l")), sum(col("d")), avg(col("d")), min(col("d")), max(col("d")));
        run(ctx, agg, "update");
    }

    @Case
    public static void aggMinMaxOnStringsAndTimestamps(CaseContext ctx) throws Exception {
        Dataset<Row> agg = measures(ctx).groupBy("k").agg(min("s"), max("s"), count("s"), min("ts"), max("ts"));
        run(ctx, agg, "complete");
    }

    @Case
    public static void aggResultSchema(CaseContext ctx) throws Exception {
        Dataset<Row> agg = measures(ctx).groupBy("k").agg(count("i"), sum("i"), sum("l"), sum("d"), avg("i"),
                min("i"), max("l"), min("s"), max("ts"), mean(col("d")));
        fields(ctx, agg);
        agg.printSchema();
    }

    @Case
    public static void groupByCountSchema(CaseContext ctx) throws Exception {
        Dataset<Row> df = measures(ctx);
        fields(ctx, df.groupBy("k", "s").count());
        fields(ctx, df.groupBy().count());
    }

    @Case
    public static void aggGroupOfOnlyNulls(CaseContext ctx) throws Exception {
        Dataset<Row> agg = measures(ctx).where("k = 'c'").groupBy("k").agg(count("i"), sum("i"), avg("d"),
                min("s"), max("ts"));
        run(ctx, agg, "update");
    }

    @Case
    public static void groupByMultipleKeys(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).groupBy("deviceType", "device").agg(count("*"), max("signal")), "update");
    }

    @Case
    public static void groupByColumnExpression(CaseContext ctx) throws Exception {
        Dataset<Row> agg = devices(ctx).groupBy(col("signal").gt(10)).count();
        ctx.println(String.join(",", agg.columns()));
        run(ctx, agg, "complete");
    }

    @Case
    public static void groupByAliasedExpr(CaseContext ctx) throws Exception {
        Dataset<Row> agg = devices(ctx).groupBy(expr("deviceType = 'router' AS isRouter"), col("signal").isNull().as("missing"))
                .agg(count("*").as("n"));
        ctx.println(String.join(",", agg.columns()));
        run(ctx, agg, "complete");
    }

    @Case
    public static void groupByNullKey(CaseContext ctx) throws Exception {
        run(ctx, measures(ctx).groupBy("k").count(), "update");
    }

    @Case
    public static void aggWithoutGroupBy(CaseContext ctx) throws Exception {
        Dataset<Row> agg = devices(ctx).agg(min("signal"), max("signal"), avg("signal"), count("signal"));
        ctx.println(String.join(",", agg.columns()));
        run(ctx, agg, "complete");
    }

    @Case
    public static void globalCountComplete(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).groupBy().count(), "complete");
    }

    @Case
    public static void globalCountUpdate(CaseContext ctx) throws Exception {
        run(ctx, devices(ctx).groupBy().count(), "update");
    }

    @Case
    public static void groupedShortcuts(CaseContext ctx) throws Exception {
        Dataset<Row> df = measures(ctx);
        ctx.println(String.join(",", df.groupBy("k").sum("i", "d").columns()));
        ctx.println(String.join(",", df.groupBy("k").avg("i").columns()));
        ctx.println(String.join(",", df.groupBy("k").mean("d").columns()));
        ctx.println(String.join(",", df.groupBy("k").min("l").columns()));
        ctx.println(String.join(",", df.groupBy("k").max("i", "l").columns()));
        run(ctx, df.groupBy("k").max("i", "l"), "complete");
    }

    @Case
    public static void groupedShortcutsWithoutColumns(CaseContext ctx) throws Exception {
        Dataset<Row> df = measures(ctx).drop("s", "ts");
        Dataset<Row> agg = df.groupBy("k").sum();
        ctx.println(String.join(",", agg.columns()));
        run(ctx, agg, "complete");
    }

    @Case
    public static void aggOfExpressions(CaseContext ctx) throws Exception {
        Dataset<Row> agg = measures(ctx).groupBy("k").agg(sum(col("i").multiply(2)).as("twice"),
                max(col("d").plus(col("i"))), expr("min(l) + 1 AS m"), count(col("i").gt(2)));
        ctx.println(String.join(",", agg.columns()));
        run(ctx, agg, "complete");
    }

    @Case
    public static void arithmeticOnAggregates(CaseContext ctx) throws Exception {
        Dataset<Row> agg = measures(ctx).groupBy("k").agg(sum("i").divide(count("i")).as("ratio"),
                max("l").minus(min("l")).as("range"));
        run(ctx, agg, "complete");
    }

    @Case
    public static void aggregateThenFilter(CaseContext ctx) throws Exception {
        Dataset<Row> agg = devices(ctx).groupBy("deviceType").agg(count("*").as("n"), max("signal").as("top"))
                .where("n > 1").select(col("deviceType"), col("top").multiply(10));
        run(ctx, agg, "update");
    }

    @Case
    public static void sumOfStringColumn(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "s STRING", new String[] {"{\"s\":\"1\"}", "{\"s\":\"2.5\"}"});
        error(ctx, "sum(string)", () -> {
            Dataset<Row> agg = df.groupBy().agg(sum("s"), avg("s"));
            fields(ctx, agg);
            run(ctx, agg, "complete");
        });
    }

    @Case
    public static void aggOnBooleanRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "b BOOLEAN", new String[] {"{\"b\":true}"});
        error(ctx, "avg(boolean)", () -> df.groupBy().agg(avg("b")));
        error(ctx, "sum(boolean)", () -> df.groupBy().agg(sum("b")));
        error(ctx, "min(boolean)", () -> fields(ctx, df.groupBy().agg(min("b"))));
    }

    @Case
    public static void nonAggregateInAggRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "agg(col)", () -> df.groupBy("deviceType").agg(col("signal")));
        error(ctx, "agg(col + agg)", () -> df.groupBy("deviceType").agg(col("signal").plus(max("signal"))));
    }

    @Case
    public static void nestedAggregateRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "sum(count)", () -> df.groupBy("deviceType").agg(sum(count("signal"))));
    }

    @Case
    public static void groupByUnknownColumnRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "groupBy", () -> df.groupBy("kind").count());
        error(ctx, "agg", () -> df.groupBy("deviceType").agg(max("signl")));
    }
}
