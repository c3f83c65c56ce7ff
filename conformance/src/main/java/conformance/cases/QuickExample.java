package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;
import java.util.Arrays;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.explode;
import static io.tideway.sql.functions.split;

/** The guide's quick example: a word count over lines, in each output mode that allows it. */
public final class QuickExample {
    private QuickExample() {
    }

    private static Dataset<Row> lines(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "apache spark", "apache hadoop");
        ctx.file(in, "2.txt", "spark streaming", "tideway");
        ctx.file(in, "3.txt", "apache");
        return ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
    }

    @Case
    public static void wordCountComplete(CaseContext ctx) throws Exception {
        Dataset<String> words = lines(ctx).as(Encoders.STRING()).flatMap(
                (FlatMapFunction<String, String>) x -> Arrays.asList(x.split(" ")).iterator(), Encoders.STRING());
        StreamingQuery q = words.groupBy("value").count().writeStream()
                .outputMode("complete")
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void wordCountUpdate(CaseContext ctx) throws Exception {
        Dataset<Row> words = lines(ctx).select(explode(split(col("value"), " ")).alias("word"));
        StreamingQuery q = words.groupBy("word").count().writeStream()
                .outputMode("update")
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void wordCountAppendRefused(CaseContext ctx) throws Exception {
        Dataset<Row> words = lines(ctx).select(explode(split(col("value"), " ")).alias("word"));
        words.groupBy("word").count().writeStream()
                .outputMode("append")
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches())
                .start();
    }

    @Case
    public static void selectWhereAppend(CaseContext ctx) throws Exception {
        StreamingQuery q = lines(ctx).where("value like 'apache%'").writeStream()
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void wordCountConsole(CaseContext ctx) throws Exception {
        Dataset<Row> words = lines(ctx).select(explode(split(col("value"), " ")).alias("word"));
        StreamingQuery q = words.groupBy("word").count().writeStream()
                .outputMode("complete")
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }
}
