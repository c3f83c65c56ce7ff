package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;
import java.util.List;

/**
 * Text as Datasets of strings (issue 15): {@code textFile} for a batch and a stream, and
 * {@code json(Dataset<String>)}/{@code csv(Dataset<String>)} parsing strings with the file
 * source's options, inference and parse modes.
 */
public final class IoText {
    private IoText() {
    }

    private static Dataset<String> strings(CaseContext ctx, String... lines) {
        return ctx.spark().createDataset(List.of(lines), Encoders.STRING());
    }

    private static void show(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + ": " + df.schema().simpleString());
        ctx.show(df);
    }

    /** The error conditions of a chain ("[X] ..." messages), past Spark's job-failure wrappers. */
    private static void conditions(CaseContext ctx, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().startsWith("[")) {
                ctx.println(conformance.Canonical.error(c));
            } else {
                ctx.println("(" + c.getClass().getSimpleName() + ")");
            }
        }
    }

    @Case
    public static void textFileBatch(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "one", "", "three");
        Dataset<String> lines = ctx.spark().read().textFile(in.toString());
        show(ctx, "textFile", lines);
        ctx.println(lines.map((io.tideway.api.java.function.MapFunction<String, Integer>) String::length, Encoders.INT())
                .collectAsList());
        try {
            ctx.spark().read().schema("v STRING").textFile(in.toString());
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void textFileStream(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "alpha", "beta");
        ctx.file(in, "b.txt", "gamma");
        Dataset<String> lines = ctx.spark().readStream().textFile(in.toString());
        ctx.println(lines.isStreaming() + " " + lines.schema().simpleString());
        StreamingQuery q = lines.filter((io.tideway.api.java.function.FilterFunction<String>) s -> !s.startsWith("b"))
                .writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.batches()).start();
        q.awaitTermination();
        try {
            ctx.spark().readStream().schema("v STRING").textFile(in.toString());
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void jsonOfStrings(CaseContext ctx) throws Exception {
        Dataset<String> json = strings(ctx, "{\"a\":1,\"b\":\"x\"}", "{\"a\":2.5,\"c\":[1,2]}", "",
                "[{\"a\":3},{\"b\":\"y\"}]", "{bad");
        show(ctx, "inferred", ctx.spark().read().json(json));
        show(ctx, "schema", ctx.spark().read().schema("a INT, b STRING").json(json));
        show(ctx, "dropmalformed", ctx.spark().read().option("mode", "DROPMALFORMED").json(json));
        show(ctx, "empty", ctx.spark().read().json(strings(ctx)));
        try {
            ctx.spark().read().schema("a INT").option("mode", "FAILFAST").json(json).collectAsList();
        } catch (Exception e) {
            conditions(ctx, e);
        }
    }

    @Case
    public static void csvOfStrings(CaseContext ctx) throws Exception {
        Dataset<String> csv = strings(ctx, "id,name,score", "1,ann,3.5", "id,name,score", "2,\"b, c\",", "3,dee,7");
        show(ctx, "header inferSchema", ctx.spark().read().option("header", true).option("inferSchema", true).csv(csv));
        show(ctx, "no header", ctx.spark().read().csv(csv));
        show(ctx, "schema", ctx.spark().read().schema("id INT, name STRING, score DOUBLE").option("header", "true").csv(csv));
        show(ctx, "sep", ctx.spark().read().option("sep", ";").csv(strings(ctx, "a;b", "1;2")));
        show(ctx, "empty", ctx.spark().read().option("header", true).csv(strings(ctx)));
    }
}
