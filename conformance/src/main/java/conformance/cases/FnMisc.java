package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static io.tideway.sql.functions.*;

/** Miscellaneous functions: spark_partition_id, monotonically_increasing_id, input_file_name, broadcast. */
public final class FnMisc {
    private FnMisc() {
    }

    @Case
    public static void partitionIdAndIds(CaseContext ctx) throws Exception {
        Dataset<Row> in = ctx.spark().read().schema("i INT").json(ctx.file(ctx.dir("in"), "1.json",
                "{\"i\":1}", "{\"i\":2}", "{\"i\":3}").toString());
        Dataset<Row> out = in.select(col("i"), spark_partition_id(), monotonically_increasing_id(),
                expr("spark_partition_id()"), expr("monotonically_increasing_id() AS mid"));
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void inputFileName(CaseContext ctx) throws Exception {
        Dataset<Row> in = ctx.spark().read().schema("i INT").json(ctx.file(ctx.dir("in"), "1.json", "{\"i\":1}").toString());
        Dataset<Row> out = in.select(col("i"), regexp_replace(input_file_name(), ".*/", "").alias("f"),
                expr("input_file_name() <> ''"));
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
        Dataset<Row> stream = OpsData.strings(ctx, "a", "b").select(col("s"), regexp_replace(input_file_name(), ".*/", ""));
        OpsData.run(ctx, stream);
    }

    @Case
    public static void broadcastHint(CaseContext ctx) throws Exception {
        Dataset<Row> stat = ctx.spark().read().schema("s STRING, n INT").json(ctx.file(ctx.dir("st"), "1.json",
                "{\"s\":\"a\",\"n\":1}", "{\"s\":\"b\",\"n\":2}").toString());
        Dataset<Row> out = OpsData.strings(ctx, "a", "b", "c").join(broadcast(stat), "s");
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void idsOverStreamBatches(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "s STRING", new String[] {"{\"s\":\"a\"}", "{\"s\":\"b\"}"},
                new String[] {"{\"s\":\"c\"}", "{\"s\":\"d\"}", "{\"s\":\"e\"}"});
        OpsData.run(ctx, in.select(col("s"), monotonically_increasing_id().alias("id"), spark_partition_id().alias("p")));
    }

    @Case
    public static void idsOverRatePartitions(CaseContext ctx) throws Exception {
        Dataset<Row> rate = ctx.spark().readStream().format("rate-micro-batch").option("rowsPerBatch", 4)
                .option("numPartitions", 2).load();
        OpsData.run(ctx, rate.select(col("value"), spark_partition_id().alias("p"), monotonically_increasing_id().alias("id"),
                input_file_name().alias("f")));
    }

    @Case
    public static void partitionIdOverRatePartitions(CaseContext ctx) throws Exception {
        Dataset<Row> rate = ctx.spark().readStream().format("rate-micro-batch").option("rowsPerBatch", 4)
                .option("numPartitions", 2).load();
        OpsData.run(ctx, rate.select(col("value"), spark_partition_id().alias("p"), input_file_name().alias("f")));
    }
}
