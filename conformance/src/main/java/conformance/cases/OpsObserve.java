package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Observation;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;
import java.util.Map;

import static conformance.cases.OpsData.error;
import static io.tideway.sql.functions.avg;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.min;
import static io.tideway.sql.functions.sum;

/** {@code Dataset.observe}: named metrics of static Datasets through an {@code Observation}, and of streams in each progress. */
public final class OpsObserve {
    private OpsObserve() {
    }

    private static void print(CaseContext ctx, String label, Map<String, Object> metrics) {
        StringBuilder sb = new StringBuilder(label).append(':');
        metrics.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")"));
        ctx.println(sb.toString());
    }

    @Case
    public static void staticObservation(CaseContext ctx) throws Exception {
        Observation obs = new Observation("stats");
        Dataset<Row> df = ctx.spark().range(1, 11).toDF().filter(col("id").gt(2))
                .observe(obs, count(lit(1)).as("rows"), max(col("id")).as("maxid"), sum(col("id")),
                        avg(col("id")).multiply(2).as("twiceAvg"), min(col("id")).plus(max(col("id"))).as("minPlusMax"));
        ctx.println("schema unchanged: " + String.join(",", df.columns()));
        ctx.println("rows: " + df.count());
        print(ctx, "metrics", obs.getAsJava());
        ctx.println("name: " + obs.name());
        df.filter(col("id").gt(9)).collectAsList();
        print(ctx, "after a second action", obs.getAsJava());
    }

    @Case
    public static void staticObservationOfNoRows(CaseContext ctx) throws Exception {
        Observation obs = new Observation("empty");
        Dataset<Row> df = ctx.spark().range(5).toDF().filter(col("id").lt(0))
                .observe(obs, count(lit(1)).as("rows"), max(col("id")).as("maxid"), sum(col("id")).as("total"));
        ctx.println("collected: " + df.collectAsList().size());
        print(ctx, "metrics", obs.getAsJava());
    }

    @Case
    public static void refusedMetrics(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(3).toDF();
        error(ctx, "attribute", () -> df.observe("m", col("id")));
        error(ctx, "attribute beside an aggregate", () -> df.observe("m", col("id").plus(count(lit(1)))));
        error(ctx, "nested aggregates", () -> df.observe("m", sum(max(col("id")))));
        error(ctx, "empty observation name", () -> new Observation(""));
        Observation once = new Observation("once");
        df.observe(once, count(lit(1)));
        error(ctx, "observation used twice", () -> df.observe(once, count(lit(1))));
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        Dataset<Row> stream = ctx.spark().readStream().text(in.toString());
        error(ctx, "observation of a stream", () -> stream.observe(new Observation("s"), count(lit(1))));
    }

    @Case
    public static void streamingObservedMetrics(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"v\":1,\"k\":\"a\"}", "{\"v\":5,\"k\":\"b\"}");
        ctx.file(in, "2.json", "{\"v\":7,\"k\":\"a\"}");
        ctx.file(in, "3.json", "{\"v\":-2,\"k\":\"c\"}", "{\"v\":4,\"k\":\"c\"}", "{\"v\":0,\"k\":\"a\"}");
        Dataset<Row> events = ctx.spark().readStream().schema("v INT, k STRING").option("maxFilesPerTrigger", 1)
                .json(in.toString());
        StreamingQuery q = events
                .observe("input", count(lit(1)).as("rows"), sum(col("v")).as("total"), max(col("k")).as("maxKey"))
                .filter(col("v").gt(0))
                .observe("kept", count(lit(1)).as("rows"))
                .writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        for (StreamingQueryProgress p : q.recentProgress()) {
            ctx.println("progress " + p.batchId() + ": " + p.observedMetrics().keySet().stream().sorted().toList());
            p.observedMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                Row r = e.getValue();
                ctx.println("  " + e.getKey() + " " + r + " " + r.schema().simpleString());
            });
        }
        String json = q.lastProgress().json();
        ctx.println(json.substring(json.indexOf("\"observedMetrics\"")));
    }

    @Case
    public static void streamingObserveInContinuousRefused(CaseContext ctx) throws Exception {
        Dataset<Row> rate = ctx.spark().readStream().format("rate").load();
        error(ctx, "continuous", () -> rate.observe("m", count(lit(1))).writeStream().format("console")
                .trigger(Trigger.Continuous("1 second")).start());
    }
}
