package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;

import java.nio.file.Path;

/**
 * Partition discovery in the file source: {@code key=value} sub-directories become columns
 * (guide: "스트리밍 DataFrame/Dataset의 스키마 추론과 파티션"), their inferred types, a user schema
 * naming them, directories added while the query runs, and {@code recursiveFileLookup}.
 */
public final class SourcesPartitions {
    private SourcesPartitions() {
    }

    /** A text source over {@code day=1/} and {@code day=2/} gets a column {@code day} inferred as int. */
    @Case
    public static void textPartitionColumnInferred(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=1"), "a.txt", "monday");
        ctx.file(in.resolve("day=2"), "b.txt", "tuesday", "again");
        Dataset<Row> df = ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** Nested partition directories: each level a column, types inferred from the values. */
    @Case
    public static void partitionColumnTypesInferred(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("n=7").resolve("x=1.5").resolve("d=2024-01-02").resolve("s=abc"), "a.txt", "row");
        ctx.file(in.resolve("n=8").resolve("x=2.0").resolve("d=2024-01-03").resolve("s=42x"), "b.txt", "row2");
        Dataset<Row> df = ctx.spark().readStream().text(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** With {@code spark.sql.sources.partitionColumnTypeInference.enabled=false} partition columns are strings. */
    @Case
    public static void partitionTypeInferenceDisabled(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=01"), "a.txt", "row");
        Dataset<Row> df = ctx.spark().readStream().text(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** A user schema that names the partition column gives it the schema's type: {@code day=01} stays "01". */
    @Case
    public static void partitionColumnInUserSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=01"), "a.csv", "apple,1");
        ctx.file(in.resolve("day=02"), "b.csv", "pear,2");
        Dataset<Row> df = ctx.spark().readStream()
                .schema("name STRING, qty INT, day STRING")
                .option("maxFilesPerTrigger", 1)
                .csv(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** The partition column named first in the user schema: where does it end up? */
    @Case
    public static void partitionColumnFirstInUserSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=3"), "a.csv", "apple,1");
        Dataset<Row> df = ctx.spark().readStream()
                .schema("day INT, name STRING, qty INT")
                .csv(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** A user schema without the partition column. */
    @Case
    public static void partitionColumnNotInUserSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=1"), "a.csv", "apple,1");
        Dataset<Row> df = ctx.spark().readStream()
                .schema("name STRING, qty INT")
                .csv(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** A partition value that does not convert to the user schema's type ({@code day=x} for {@code day INT}). */
    @Case
    public static void partitionValueNotMatchingUserSchemaType(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=1"), "a.csv", "apple,1");
        ctx.file(in.resolve("day=x"), "b.csv", "pear,2");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .schema("name STRING, qty INT, day INT")
                .option("maxFilesPerTrigger", 1)
                .csv(in.toString()));
    }

    /** {@code __HIVE_DEFAULT_PARTITION__} is the null partition value. */
    @Case
    public static void partitionDefaultValueIsNull(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=1"), "a.txt", "with day");
        ctx.file(in.resolve("day=__HIVE_DEFAULT_PARTITION__"), "b.txt", "without day");
        Dataset<Row> df = ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** A new {@code day=2/} directory created while the query runs is read with its value. */
    @Case
    public static void partitionDirectoryAddedLater(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=1"), "a.txt", "first day");
        Dataset<Row> df = ctx.spark().readStream().text(in.toString());
        SourcesSupport.describe(ctx, df);
        StreamingQuery q = df.writeStream().foreachBatch(ctx.<Row>batches()).start();
        q.processAllAvailable();
        ctx.file(in.resolve("day=2"), "b.txt", "second day");
        q.processAllAvailable();
        ctx.file(in.resolve("day=1"), "c.txt", "first day again");
        q.processAllAvailable();
        q.stop();
    }

    /** {@code recursiveFileLookup=true} turns partition discovery off: no {@code day} column. */
    @Case
    public static void recursiveFileLookupDisablesPartitionDiscovery(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("day=1"), "a.txt", "row in day=1");
        Dataset<Row> df = ctx.spark().readStream().option("recursiveFileLookup", true).text(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** A JSON source with a user schema over partition directories: the partition column is appended. */
    @Case
    public static void jsonPartitionColumnAppended(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in.resolve("region=eu"), "a.json", "{\"id\":1}");
        ctx.file(in.resolve("region=us"), "b.json", "{\"id\":2}");
        Dataset<Row> df = ctx.spark().readStream().schema("id LONG").option("maxFilesPerTrigger", 1)
                .json(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }
}
