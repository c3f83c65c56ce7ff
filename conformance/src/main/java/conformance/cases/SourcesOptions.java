package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code DataStreamReader} in general: bad and odd options (missing path, unknown format, no
 * schema, bad option values) and the step at which each is reported (load, start, or the running
 * query), option-name case, and {@code isStreaming} of a static versus a streaming DataFrame.
 */
public final class SourcesOptions {
    private SourcesOptions() {
    }

    /** A static DataFrame is not streaming; one from {@code readStream()} is. */
    @Case
    public static void isStreamingStaticVersusStream(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("value", "string");
        Dataset<Row> staticDf = ctx.spark().createDataFrame(List.of(RowFactory.create("x")), schema);
        Dataset<Row> streamDf = ctx.spark().readStream().text(ctx.path("in"));
        ctx.println("static isStreaming: " + staticDf.isStreaming());
        ctx.println("stream isStreaming: " + streamDf.isStreaming());
        ctx.println("stream after select isStreaming: " + streamDf.select("value").isStreaming());
    }

    /** {@code load()} of a file format without any path. */
    @Case
    public static void fileSourceWithoutPath(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().format("text").load());
    }

    /** A format name no source has. */
    @Case
    public static void unknownFormat(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().format("no-such-format").load(ctx.path("in")));
    }

    /** {@code load(path)} without {@code format}: the default source ({@code spark.sql.sources.default}). */
    @Case
    public static void noFormatUsesDefaultSource(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().load(in.toString()));
    }

    /** {@code spark.sql.sources.default=json} makes {@code load(path)} a JSON source. */
    @Case
    public static void defaultSourceConf(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.sources.default", "json");
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1}");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().schema("a INT").load(in.toString()));
    }

    /** A CSV source without a schema. */
    @Case
    public static void csvWithoutSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().csv(in.toString()));
    }

    /** A directory that does not exist (not a glob). */
    @Case
    public static void pathDoesNotExist(CaseContext ctx) throws Exception {
        String missing = ctx.path("parent") + "/missing";
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().text(missing));
    }

    /** A glob that matches nothing yet. */
    @Case
    public static void globMatchingNothing(CaseContext ctx) throws Exception {
        String glob = ctx.path("parent") + "/missing*/*.txt";
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().text(glob));
    }

    /** Both {@code option("path", ...)} and {@code load(path)}. */
    @Case
    public static void pathOptionAndLoadPath(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().format("text")
                .option("path", in.toString())
                .load(in.toString()));
    }

    /** The path given only as {@code option("path", ...)} and {@code load()}. */
    @Case
    public static void pathAsOption(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().format("text")
                .option("path", in.toString())
                .load());
    }

    /** {@code maxFilesPerTrigger=-1}. */
    @Case
    public static void maxFilesPerTriggerNegative(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().option("maxFilesPerTrigger", -1).text(in.toString()));
    }

    /** {@code maxFilesPerTrigger=0}. */
    @Case
    public static void maxFilesPerTriggerZero(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().option("maxFilesPerTrigger", 0).text(in.toString()));
    }

    /** {@code maxFilesPerTrigger="many"}. */
    @Case
    public static void maxFilesPerTriggerNotANumber(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().option("maxFilesPerTrigger", "many").text(in.toString()));
    }

    /** {@code maxFilesPerTrigger} and {@code maxBytesPerTrigger} together. */
    @Case
    public static void maxFilesAndMaxBytesPerTrigger(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .option("maxBytesPerTrigger", 100)
                .text(in.toString()));
    }

    /** {@code latestFirst="yes"}. */
    @Case
    public static void latestFirstNotBoolean(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().option("latestFirst", "yes").text(in.toString()));
    }

    /** {@code modifiedBefore} is a batch-only option. */
    @Case
    public static void modifiedBeforeNotAllowed(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("modifiedBefore", "2030-01-01T00:00:00")
                .text(in.toString()));
    }

    /** {@code cleanSource="move"} is not a clean-source mode. */
    @Case
    public static void cleanSourceInvalid(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().option("cleanSource", "move").text(in.toString()));
    }

    /** Option names are case-insensitive: {@code MAXFILESPERTRIGGER} limits batches like {@code maxFilesPerTrigger}. */
    @Case
    public static void optionNamesCaseInsensitive(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a;1");
        ctx.file(in, "2.csv", "b;2");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("MAXFILESPERTRIGGER", 1)
                .option("SEP", ";")
                .schema("k STRING, n INT")
                .csv(in.toString()));
    }

    /** {@code options(Map)} sets several options at once. */
    @Case
    public static void optionsMap(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "k|n", "a|1");
        ctx.file(in, "2.csv", "k|n", "b|2");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .format("csv")
                .options(Map.of("sep", "|", "header", "true", "maxFilesPerTrigger", "1"))
                .schema("k STRING, n INT")
                .load(in.toString()));
    }

    /** Format names are case-insensitive. */
    @Case
    public static void formatNameCaseInsensitive(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().format("CSV").schema("k STRING, n INT").load(in.toString()));
    }

    /** An option no source knows is ignored. */
    @Case
    public static void unknownOptionIgnored(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().option("noSuchOption", "whatever").text(in.toString()));
    }

    /** A DDL schema string naming a type that does not exist. */
    @Case
    public static void schemaDdlUnknownType(CaseContext ctx) throws Exception {
        ddlSchema(ctx, "a INTEGRAL");
    }

    /** A DDL schema string with a column without a type. */
    @Case
    public static void schemaDdlMissingType(CaseContext ctx) throws Exception {
        ddlSchema(ctx, "a INT, b");
    }

    private static void ddlSchema(CaseContext ctx, String ddl) throws Exception {
        Path in = ctx.dir("in");
        try {
            ctx.spark().readStream().schema(ddl).csv(in.toString());
            ctx.println("load() ok");
        } catch (Exception e) {
            // Spark's ParseException message starts with a line break: print its first non-blank line
            String first = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
            ctx.println(e.getClass().getSimpleName() + ": " + first);
        }
    }

    /** The socket source without {@code host}. */
    @Case
    public static void socketWithoutHost(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().format("socket").option("port", 9999).load());
    }

    /** The rate source with a negative {@code rowsPerSecond}. */
    @Case
    public static void rateNegativeRowsPerSecond(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().format("rate").option("rowsPerSecond", -1).load());
    }
}
