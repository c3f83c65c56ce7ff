package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.split;

/** The console sink (guide: output sinks): its table layout, numRows, truncate, nulls, modes. */
public final class SinksConsole {
    private SinksConsole() {
    }

    /** A text stream over {@code files} (each an array of lines), one file per batch. */
    private static Dataset<Row> text(CaseContext ctx, String[]... files) throws Exception {
        Path in = ctx.dir("in");
        for (int i = 0; i < files.length; i++) {
            ctx.file(in, (i + 1) + ".txt", files[i]);
        }
        return ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
    }

    /** A JSON stream with {@code ddl} as schema over {@code files}, one file per batch. */
    private static Dataset<Row> json(CaseContext ctx, String ddl, String[]... files) throws Exception {
        Path in = ctx.dir("in");
        for (int i = 0; i < files.length; i++) {
            ctx.file(in, (i + 1) + ".json", files[i]);
        }
        return ctx.spark().readStream().schema(ddl).option("maxFilesPerTrigger", 1).json(in.toString());
    }

    @Case
    public static void consoleDefaultAppendTwoBatches(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"apple", "banana"}, new String[] {"cherry"})
                .writeStream()
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleNumRowsShowsTopRows(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"r1", "r2", "r3", "r4", "r5"}, new String[] {"s1", "s2"})
                .writeStream()
                .format("console")
                .option("numRows", 2)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleNumRowsOneSaysRow(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"r1", "r2", "r3"})
                .writeStream()
                .format("console")
                .option("numRows", "1")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleNumRowsZero(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"r1", "r2"})
                .writeStream()
                .format("console")
                .option("numRows", 0)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleTruncatesLongStringsByDefault(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {
                "short",
                "exactly twenty chars",
                "twenty-one characters",
                "a much longer line that goes well past twenty characters"})
                .writeStream()
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleTruncateFalseLeftAligns(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {
                "short",
                "a much longer line that goes well past twenty characters"})
                .writeStream()
                .format("console")
                .option("truncate", false)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleTruncateNotABoolean(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"a long line of text to be cut at five"})
                .writeStream()
                .format("console")
                .option("truncate", "5")
                .trigger(Trigger.AvailableNow())
                .start();
        try {
            q.awaitTermination();
            ctx.println("terminated normally");
        } catch (Exception e) {
            ctx.errorChain(e);
        }
    }

    @Case
    public static void consoleShowsNullsAsNULL(CaseContext ctx) throws Exception {
        StreamingQuery q = json(ctx, "name STRING, n INT",
                new String[] {"{\"name\":\"a\",\"n\":1}", "{\"name\":null,\"n\":2}", "{\"name\":\"c\"}"})
                .writeStream()
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleRendersValueTypes(CaseContext ctx) throws Exception {
        Dataset<Row> in = json(ctx, "i INT, l BIGINT, x DOUBLE, b BOOLEAN, ts TIMESTAMP, d DATE, s STRING",
                new String[] {
                    "{\"i\":1,\"l\":10000000000,\"x\":2.5,\"b\":true,\"ts\":\"2024-01-01T00:00:05Z\",\"d\":\"2024-01-01\",\"s\":\"a,b\"}",
                    "{\"i\":-2,\"l\":0,\"x\":0.00001,\"b\":false,\"ts\":\"2024-01-01T00:00:05.250Z\",\"d\":\"2024-02-29\",\"s\":\"c\"}"});
        StreamingQuery q = in.select(col("i"), col("l"), col("x"), col("b"), col("ts"), col("d"),
                        split(col("s"), ",").alias("arr"))
                .writeStream()
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleFullWidthCharacters(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"스파크", "tideway", "流"})
                .writeStream()
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleEmptyBatchPrintsHeaderOnly(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"keep me"}, new String[] {"drop 1", "drop 2"}, new String[] {"keep too"})
                .where(col("value").notEqual("drop 1").and(col("value").notEqual("drop 2")))
                .writeStream()
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleCompleteModeReprintsWholeTable(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"a", "b", "a"}, new String[] {"c"}, new String[] {"a"})
                .groupBy("value").count()
                .writeStream()
                .outputMode("complete")
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleUpdateModePrintsChangedRows(CaseContext ctx) throws Exception {
        StreamingQuery q = text(ctx, new String[] {"a", "b", "a"}, new String[] {"c"}, new String[] {"a"})
                .groupBy("value").count()
                .writeStream()
                .outputMode("update")
                .format("console")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    @Case
    public static void consoleDefaultTriggerOneBatchPerFile(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "first");
        StreamingQuery q = ctx.spark().readStream().text(in.toString())
                .writeStream()
                .format("console")
                .start();
        q.processAllAvailable();
        ctx.file(in, "2.txt", "second", "third");
        q.processAllAvailable();
        q.stop();
    }
}
