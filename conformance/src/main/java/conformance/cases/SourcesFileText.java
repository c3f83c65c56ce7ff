package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The file source reading text ({@code readStream().text(dir)} / {@code format("text")}): one row
 * per line, which files a batch takes ({@code maxFilesPerTrigger}, {@code latestFirst},
 * {@code fileNameOnly}, globs, {@code pathGlobFilter}, nested directories) and the text options
 * {@code wholetext} and {@code lineSep}.
 */
public final class SourcesFileText {
    private SourcesFileText() {
    }

    /** A text source is streaming and has the single column {@code value: string}. */
    @Case
    public static void textSchemaAndIsStreaming(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Dataset<Row> df = ctx.spark().readStream().text(in.toString());
        SourcesSupport.describe(ctx, df);
        ctx.println("columns: " + String.join(",", df.columns()));
    }

    /** {@code format("text").load(dir)} is the same source as {@code text(dir)}. */
    @Case
    public static void textFormatLoadEqualsText(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        Dataset<Row> df = ctx.spark().readStream().format("text").load(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** With {@code maxFilesPerTrigger=1} each file is its own batch, oldest file first. */
    @Case
    public static void textOneFilePerBatch(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "b.txt", "first file", "line 2");
        ctx.file(in, "a.txt", "second file");
        ctx.file(in, "c.txt", "third file");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString()));
    }

    /** Without a limit, AvailableNow reads every existing file in one batch. */
    @Case
    public static void textAllFilesInOneBatchWithoutLimit(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "one");
        ctx.file(in, "2.txt", "two");
        ctx.file(in, "3.txt", "three");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream().text(in.toString()));
    }

    /** {@code maxFilesPerTrigger=2} over five files: batches of 2, 2 and 1 files. */
    @Case
    public static void textMaxFilesPerTriggerTwo(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        for (int i = 1; i <= 5; i++) {
            ctx.file(in, i + ".txt", "file " + i);
        }
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream().option("maxFilesPerTrigger", 2).text(in.toString()));
    }

    /** {@code latestFirst=true} with one file per trigger takes the newest file first. */
    @Case
    public static void textLatestFirst(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "oldest");
        ctx.file(in, "2.txt", "middle");
        ctx.file(in, "3.txt", "newest");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .option("latestFirst", true)
                .text(in.toString()));
    }

    /** Files written while the query runs are read by later batches; a seen file is not read again. */
    @Case
    public static void textFilesAddedBetweenBatches(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "before start");
        StreamingQuery q = ctx.spark().readStream().text(in.toString()).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.processAllAvailable();
        ctx.file(in, "2.txt", "added later", "two lines");
        q.processAllAvailable();
        ctx.file(in, "3.txt", "added last");
        q.processAllAvailable();
        ctx.println("active: " + q.isActive());
        q.stop();
        ctx.println("active after stop: " + q.isActive());
    }

    /** Empty lines are rows with an empty string; an empty file has no rows; a last line without newline is a row. */
    @Case
    public static void textEmptyLinesAndEmptyFile(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "", "b", "");
        ctx.bytes(in, "2.txt", new byte[0]);
        ctx.bytes(in, "3.txt", "no newline at end".getBytes(StandardCharsets.UTF_8));
        runBracketed(ctx, ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString()));
    }

    /** {@code \r\n} and {@code \r} line ends are not part of the value. */
    @Case
    public static void textCrLfLineEnds(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.bytes(in, "1.txt", "windows\r\nline\r\n".getBytes(StandardCharsets.UTF_8));
        runBracketed(ctx, ctx.spark().readStream().text(in.toString()));
    }

    /** {@code wholetext=true}: each file is one row holding the whole file, newlines included. */
    @Case
    public static void textWholetext(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "line one", "line two");
        ctx.file(in, "2.txt", "single");
        runBracketed(ctx, ctx.spark().readStream().option("wholetext", true).option("maxFilesPerTrigger", 1)
                .text(in.toString()));
    }

    /** Each value as {@code <value>} with {@code \r} and {@code \n} made visible. */
    private static void runBracketed(CaseContext ctx, Dataset<Row> df) throws Exception {
        Dataset<String> shown = df.as(Encoders.STRING()).map((MapFunction<String, String>) s ->
                "<" + s.replace("\r", "\\r").replace("\n", "\\n") + ">", Encoders.STRING());
        StreamingQuery q = shown.writeStream()
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<String>batches())
                .start();
        q.awaitTermination();
    }

    /** {@code lineSep="|"}: records are separated by {@code |} instead of line ends. */
    @Case
    public static void textLineSep(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.bytes(in, "1.txt", "a|b b|c\nd|".getBytes(StandardCharsets.UTF_8));
        runBracketed(ctx, ctx.spark().readStream().option("lineSep", "|").text(in.toString()));
    }

    /** A user schema of one string column renames the column (DDL string). */
    @Case
    public static void textUserSchemaRenamesColumn(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x", "y");
        Dataset<Row> df = ctx.spark().readStream().schema("line STRING").text(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** A text source refuses a user schema of two columns. */
    @Case
    public static void textUserSchemaTwoColumnsRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        StructType schema = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().schema(schema).text(in.toString()));
    }

    /** A text source refuses a user schema whose single column is not a string. */
    @Case
    public static void textUserSchemaIntColumnRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "1");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().schema("n INT").text(in.toString()));
    }

    /** Files whose names start with {@code .} or {@code _} are not read. */
    @Case
    public static void textHiddenFilesSkipped(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "_SUCCESS", "marker");
        ctx.file(in, ".hidden.txt", "hidden");
        ctx.file(in, "_underscore.txt", "underscore");
        ctx.file(in, "visible.txt", "visible");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream().text(in.toString()));
    }

    /** {@code pathGlobFilter="*.txt"} keeps only the files whose name matches. */
    @Case
    public static void textPathGlobFilter(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "from a.txt");
        ctx.file(in, "b.log", "from b.log");
        ctx.file(in, "c.txt", "from c.txt");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("pathGlobFilter", "*.txt")
                .option("maxFilesPerTrigger", 1)
                .text(in.toString()));
    }

    /** A glob over file names ({@code in/*.txt}) reads only the matching files. */
    @Case
    public static void textGlobOverFileNames(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "from a.txt");
        ctx.file(in, "b.csv", "from b.csv");
        ctx.file(in, "c.txt", "from c.txt");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .text(in.resolve("*.txt").toString()));
    }

    /** A glob matching directories ({@code in/*}) reads the files inside them. */
    @Case
    public static void textGlobOverDirectories(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("x"), "1.txt", "x/1");
        ctx.file(in.resolve("y"), "2.txt", "y/2");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .text(in.resolve("*").toString()));
    }

    /** Without {@code fileNameOnly}, two files with the same name in different directories are both read. */
    @Case
    public static void textSameNameTwoDirectoriesBothRead(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("a"), "data.txt", "a/data.txt");
        ctx.file(in.resolve("b"), "data.txt", "b/data.txt");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .text(in.resolve("*").resolve("*.txt").toString()));
    }

    /** {@code fileNameOnly=true}: a file whose name was already seen (in another directory) is skipped. */
    @Case
    public static void textFileNameOnlySkipsSameName(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("a"), "data.txt", "a/data.txt");
        ctx.file(in.resolve("b"), "data.txt", "b/data.txt");
        ctx.file(in.resolve("b"), "other.txt", "b/other.txt");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .option("fileNameOnly", true)
                .text(in.resolve("*").resolve("*.txt").toString()));
    }

    /** Files in a plain (not key=value) sub-directory, without {@code recursiveFileLookup}. */
    @Case
    public static void textNestedDirectoryWithoutRecursiveLookup(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "top.txt", "top level");
        ctx.file(in.resolve("sub"), "nested.txt", "in sub");
        ctx.file(in.resolve("sub").resolve("deeper"), "deep.txt", "in sub/deeper");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .text(in.toString()));
    }

    /** {@code recursiveFileLookup=true} reads files at every depth. */
    @Case
    public static void textRecursiveFileLookup(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "top.txt", "top level");
        ctx.file(in.resolve("sub"), "nested.txt", "in sub");
        ctx.file(in.resolve("sub").resolve("deeper"), "deep.txt", "in sub/deeper");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .option("recursiveFileLookup", true)
                .text(in.toString()));
    }

    /**
     * {@code maxFileAge=1h}: after a batch, a new file older than the newest seen file by more
     * than an hour is ignored; one older by ten minutes is read.
     */
    @Case
    public static void textMaxFileAgeIgnoresOldNewFiles(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        long base = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
        SourcesSupport.fileWithMtime(ctx, in, "1.txt", base, "newest file, first batch");
        StreamingQuery q = ctx.spark().readStream().option("maxFileAge", "1h").text(in.toString()).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.processAllAvailable();
        SourcesSupport.fileWithMtime(ctx, in, "2.txt", base - 2 * 3_600_000L, "two hours older");
        q.processAllAvailable();
        SourcesSupport.fileWithMtime(ctx, in, "3.txt", base - 600_000L, "ten minutes older");
        q.processAllAvailable();
        q.stop();
    }

    /** A text stream as a typed {@code Dataset<String>}. */
    @Case
    public static void textAsTypedDataset(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "alpha", "beta");
        Dataset<String> ds = ctx.spark().readStream().text(in.toString()).as(Encoders.STRING());
        SourcesSupport.describe(ctx, ds);
        Dataset<Integer> lengths = ds.map((MapFunction<String, Integer>) String::length, Encoders.INT());
        StreamingQuery q = lengths.writeStream()
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Integer>batches())
                .start();
        q.awaitTermination();
    }
}
