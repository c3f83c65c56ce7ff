package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static io.tideway.sql.functions.*;

/** Array and map functions on Tideway's main path: a streaming query over JSON files, two batches. */
public final class FnCollectionStream {
    private FnCollectionStream() {
    }

    private static Dataset<Row> input(CaseContext ctx) throws Exception {
        return OpsData.json(ctx, "i INT, l BIGINT, s STRING",
                new String[] {
                    "{\"i\":7,\"l\":10,\"s\":\"a,b,a\"}",
                    "{\"i\":-3,\"l\":null,\"s\":null}",
                    "{\"i\":2,\"l\":2,\"s\":\"x\"}"},
                new String[] {
                    "{\"i\":null,\"l\":5,\"s\":\"c,,d\"}",
                    "{\"i\":0,\"l\":0,\"s\":\"\"}"});
    }

    @Case
    public static void arraysInStreamingSelect(CaseContext ctx) throws Exception {
        Dataset<Row> out = input(ctx).select(
                col("i"),
                array(col("i"), col("l")).as("il"),
                size(split(col("s"), ",")).as("n"),
                array_distinct(split(col("s"), ",")).as("d"),
                element_at(split(col("s"), ","), -1).as("last"),
                array_contains(split(col("s"), ","), "a").as("has_a"),
                sort_array(array(col("l"), col("i"), lit(3))).as("sorted"),
                array_join(split(col("s"), ","), "|").as("joined"));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void mapsInStreamingSelectAndFilter(CaseContext ctx) throws Exception {
        Dataset<Row> out = input(ctx)
                .select(col("i"), map(lit("i"), col("i"), lit("l"), col("l")).as("m"), col("s"))
                .where(col("m").getItem("l").isNotNull())
                .selectExpr("i", "m", "map_keys(m) AS k", "m['i'] AS mi", "size(m) AS n",
                        "str_to_map(concat('s:', coalesce(s, 'none'))) AS sm");
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void arrayErrorFailsStreamingQuery(CaseContext ctx) throws Exception {
        OpsData.runFailing(ctx, input(ctx).selectExpr("i", "element_at(split(s, ','), 3) AS third"));
    }

    @Case
    public static void arrayAsGroupingKey(CaseContext ctx) throws Exception {
        Dataset<Row> out = input(ctx)
                .groupBy(array_distinct(split(col("s"), ",")).as("parts"), array(col("i"), lit(1)).as("key"))
                .count();
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out, "complete");
    }
}
