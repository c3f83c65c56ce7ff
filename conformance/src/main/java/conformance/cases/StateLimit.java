package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;

import static io.tideway.sql.functions.col;

/** {@code limit(n)} on a stream: a count kept across batches and restarts (Append mode), and where it is refused. */
public final class StateLimit {
    private StateLimit() {
    }

    private static Dataset<Row> events(CaseContext ctx, Path in) {
        return ctx.spark().readStream().schema("k STRING, n INT").option("maxFilesPerTrigger", 1).json(in.toString());
    }

    private static void run(CaseContext ctx, Dataset<Row> query, String mode, String cp, String label) throws Exception {
        ctx.println("-- " + label + " --");
        StreamingQuery q = query.writeStream().outputMode(mode).foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp).trigger(Trigger.AvailableNow()).start();
        try {
            q.awaitTermination();
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** The first three rows over all batches pass; a projection and a filter above the limit see only them. */
    @Case
    public static void limitAcrossBatchesThenSelect(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"n\":1}", "{\"k\":\"b\",\"n\":2}");
        ctx.file(in, "2.json", "{\"k\":\"c\",\"n\":3}", "{\"k\":\"d\",\"n\":4}");
        ctx.file(in, "3.json", "{\"k\":\"e\",\"n\":5}");
        run(ctx, events(ctx, in).limit(3).select(col("k"), col("n").multiply(10).as("n10")).where("n10 > 10"),
                "append", ctx.path("cp"), "limit 3");
    }

    /** The count is state: a restarted query passes only what is left of the limit. */
    @Case
    public static void limitCountSurvivesRestart(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"n\":1}", "{\"k\":\"b\",\"n\":2}");
        run(ctx, events(ctx, in).limit(3), "append", cp, "first run");
        ctx.file(in, "2.json", "{\"k\":\"c\",\"n\":3}", "{\"k\":\"d\",\"n\":4}");
        ctx.file(in, "3.json", "{\"k\":\"e\",\"n\":5}");
        run(ctx, events(ctx, in).limit(3), "append", cp, "second run");
    }

    /** A filter below the limit: only rows that pass it count. */
    @Case
    public static void limitAfterFilter(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"n\":1}", "{\"k\":\"b\",\"n\":2}", "{\"k\":\"c\",\"n\":3}");
        ctx.file(in, "2.json", "{\"k\":\"d\",\"n\":4}", "{\"k\":\"e\",\"n\":5}", "{\"k\":\"f\",\"n\":6}");
        run(ctx, events(ctx, in).where("n % 2 = 0").limit(2), "append", ctx.path("cp"), "even rows, limit 2");
    }

    /** limit(0) passes nothing. */
    @Case
    public static void limitZero(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"n\":1}");
        run(ctx, events(ctx, in).limit(0), "append", ctx.path("cp"), "limit 0");
    }
}
