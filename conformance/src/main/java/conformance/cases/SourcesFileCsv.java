package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;

/**
 * The file source reading CSV: the user schema (a {@code StructType} or a DDL string), the CSV
 * options, schema inference, and malformed records in each parse mode.
 */
public final class SourcesFileCsv {
    private SourcesFileCsv() {
    }

    private static StructType people() {
        return new StructType().add("name", "string").add("age", "integer");
    }

    /** The guide's example: {@code sep=";"} and a {@code StructType} built with {@code add(name, typeName)}. */
    @Case
    public static void csvGuideExampleSemicolon(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "alice;30", "bob;25");
        Dataset<Row> csvDF = ctx.spark().readStream()
                .option("sep", ";")
                .schema(people())
                .csv(in.toString());
        SourcesSupport.describe(ctx, csvDF);
        SourcesSupport.runAvailableNow(ctx, csvDF);
    }

    /** The schema as a DDL string, with several column types. */
    @Case
    public static void csvSchemaAsDdlString(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1,10000000000,1.5,true,2024-01-02,2024-01-02 03:04:05");
        Dataset<Row> df = ctx.spark().readStream()
                .schema("s STRING, i INT, l BIGINT, d DOUBLE, b BOOLEAN, dt DATE, ts TIMESTAMP")
                .format("csv")
                .load(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** A {@code StructType} with a non-nullable field: does the stream keep nullable=false? */
    @Case
    public static void csvSchemaNonNullableField(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", ",2");
        StructType schema = new StructType()
                .add("k", DataTypes.StringType, false)
                .add("v", DataTypes.LongType, true);
        Dataset<Row> df = ctx.spark().readStream().schema(schema).csv(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** {@code header=true}: the first line of every file is skipped, not just of the first file. */
    @Case
    public static void csvHeaderSkippedInEveryFile(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "name,age", "alice,30");
        ctx.file(in, "2.csv", "name,age", "bob,25", "carol,41");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("header", true)
                .option("maxFilesPerTrigger", 1)
                .schema(people())
                .csv(in.toString()));
    }

    /** With a header whose names differ from the schema's, columns are taken by position. */
    @Case
    public static void csvHeaderNamesDifferFromSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "years,who", "alice,30");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("header", "true")
                .schema(people())
                .csv(in.toString()));
    }

    /** Without {@code header}, a header line is data: its age does not parse as an int. */
    @Case
    public static void csvHeaderLineReadAsDataByDefault(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "name,age", "alice,30");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream().schema(people()).csv(in.toString()));
    }

    /** {@code sep="\t"} (the two characters backslash and t) splits on tabs. */
    @Case
    public static void csvSepTab(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.tsv", "alice\t30", "bob, jr\t25");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("sep", "\\t")
                .schema(people())
                .csv(in.toString()));
    }

    /** Default quoting: a quoted field keeps separators, {@code ""} and {@code \"} inside quotes are quotes. */
    @Case
    public static void csvQuotesDefault(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv",
                "\"smith, john\",1",
                "\"say \\\"hi\\\"\",2",
                "\"a \"\"b\"\" c\",3",
                "it's,4");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("text STRING, n INT")
                .csv(in.toString()));
    }

    /** {@code quote="'"} and {@code escape="#"}. */
    @Case
    public static void csvQuoteAndEscapeCustom(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv",
                "'smith, john',1",
                "'it#'s',2",
                "\"double\",3");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("quote", "'")
                .option("escape", "#")
                .schema("text STRING, n INT")
                .csv(in.toString()));
    }

    /** {@code nullValue="NA"}: NA (quoted or not) is null in a string and in an int column; and an empty field? */
    @Case
    public static void csvNullValue(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "NA,NA", "x,1", ",2", "\"NA\",3");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("nullValue", "NA")
                .schema("s STRING, n INT")
                .csv(in.toString()));
    }

    /** Unquoted empty and quoted empty ({@code ""}) fields, by default and with {@code emptyValue="EMPTY"}. */
    @Case
    public static void csvEmptyValue(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,,\"\"");
        ctx.println("default:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("x STRING, unquoted STRING, quoted STRING")
                .csv(in.toString()));
        ctx.println("emptyValue=EMPTY:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("emptyValue", "EMPTY")
                .schema("x STRING, unquoted STRING, quoted STRING")
                .csv(in.toString()));
    }

    /** {@code comment="#"}: lines starting with # are skipped; # elsewhere is data. */
    @Case
    public static void csvComment(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "# a comment", "alice,30", "#bob,25", "carol#,41");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("comment", "#")
                .schema(people())
                .csv(in.toString()));
    }

    /** Without {@code comment}, a line starting with # is data. */
    @Case
    public static void csvNoCommentByDefault(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "# a comment", "alice,30");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema(people())
                .csv(in.toString()));
    }

    /** Blank lines in a CSV file are not records. */
    @Case
    public static void csvBlankLinesSkipped(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "alice,30", "", "   ", "bob,25", "");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema(people())
                .csv(in.toString()));
    }

    /** {@code inferSchema=true} without a schema does not make a streaming CSV source infer one. */
    @Case
    public static void csvInferSchemaOptionWithoutSchemaRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "name,age", "alice,30");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("header", true)
                .option("inferSchema", true)
                .csv(in.toString()));
    }

    /** {@code inferSchema=true} with a user schema: the user schema wins. */
    @Case
    public static void csvInferSchemaOptionIgnoredWithUserSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "alice,30");
        Dataset<Row> df = ctx.spark().readStream()
                .option("inferSchema", true)
                .schema("name STRING, age STRING")
                .csv(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** {@code spark.sql.streaming.schemaInference=true} with {@code header} and {@code inferSchema}. */
    @Case
    public static void csvSchemaInferenceConfWithInferSchema(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.schemaInference", "true");
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "name,age,score", "alice,30,1.5", "bob,25,2");
        Dataset<Row> df = ctx.spark().readStream()
                .option("header", true)
                .option("inferSchema", true)
                .csv(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** {@code spark.sql.streaming.schemaInference=true} alone: columns {@code _c0..} of strings. */
    @Case
    public static void csvSchemaInferenceConfAllStrings(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.schemaInference", true);
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "alice,30");
        Dataset<Row> df = ctx.spark().readStream().csv(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** {@code dateFormat} and {@code timestampFormat} patterns. */
    @Case
    public static void csvDateAndTimestampFormat(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "02/01/2024,02/01/2024 13:45", "31/12/2023,31/12/2023 00:00");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("dateFormat", "dd/MM/yyyy")
                .option("timestampFormat", "dd/MM/yyyy HH:mm")
                .schema("d DATE, ts TIMESTAMP")
                .csv(in.toString()));
    }

    /** Default date and timestamp parsing (ISO forms), with and without a zone offset. */
    @Case
    public static void csvDefaultTimestampParsing(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv",
                "2024-01-02,2024-01-02T03:04:05",
                "2024-01-03,2024-01-03 03:04:05.123",
                "2024-01-04,2024-01-04T03:04:05+02:00",
                "2024-01-05,2024-01-05");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("d DATE, ts TIMESTAMP")
                .csv(in.toString()));
    }

    /** A date that does not match {@code dateFormat} in PERMISSIVE mode. */
    @Case
    public static void csvDateNotMatchingFormat(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,2024-01-02", "b,02/01/2024");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("dateFormat", "dd/MM/yyyy")
                .schema("k STRING, d DATE")
                .csv(in.toString()));
    }

    /** By default, spaces around values are kept in strings; around a number they make it malformed. */
    @Case
    public static void csvWhiteSpaceByDefault(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "  padded  , 7 ", "plain,8");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("s STRING, n INT")
                .csv(in.toString()));
    }

    /** {@code ignoreLeadingWhiteSpace} and {@code ignoreTrailingWhiteSpace} trim values. */
    @Case
    public static void csvIgnoreLeadingAndTrailingWhiteSpace(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "  padded  , 7 ", "plain,8");
        ctx.println("ignoreLeadingWhiteSpace only:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("ignoreLeadingWhiteSpace", true)
                .schema("s STRING, n STRING")
                .csv(in.toString()));
        ctx.println("both:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("ignoreLeadingWhiteSpace", true)
                .option("ignoreTrailingWhiteSpace", true)
                .schema("s STRING, n INT")
                .csv(in.toString()));
    }

    /** PERMISSIVE (default): a line with fewer fields than the schema gets nulls for the missing ones. */
    @Case
    public static void csvFewerFieldsPermissive(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1,x", "b,2", "c");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("k STRING, n INT, s STRING")
                .csv(in.toString()));
    }

    /** PERMISSIVE: a line with more fields than the schema keeps the first ones. */
    @Case
    public static void csvExtraFieldsPermissive(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", "b,2,extra,more");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("k STRING, n INT")
                .csv(in.toString()));
    }

    /** PERMISSIVE without a corrupt-record column: a string where an int (or long) is expected is null. */
    @Case
    public static void csvStringWhereNumberExpectedPermissive(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1,10", "b,two,20", "c,3,thirty", "d,4.0,40", "e,99999999999,50");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("k STRING, n INT, l LONG")
                .csv(in.toString()));
    }

    /** PERMISSIVE with {@code _corrupt_record} in the schema: malformed lines keep their text there. */
    @Case
    public static void csvPermissiveWithCorruptRecordColumn(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", "b,two", "c", "d,4,extra", "\"unclosed,5");
        Dataset<Row> df = ctx.spark().readStream()
                .option("mode", "PERMISSIVE")
                .schema("k STRING, n INT, _corrupt_record STRING")
                .csv(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** {@code columnNameOfCorruptRecord="bad"} with a column {@code bad} in the middle of the schema. */
    @Case
    public static void csvCustomCorruptRecordColumn(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", "b,two");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("columnNameOfCorruptRecord", "bad")
                .schema("k STRING, bad STRING, n INT")
                .csv(in.toString()));
    }

    /** A corrupt-record column that is not a string is refused. */
    @Case
    public static void csvCorruptRecordColumnNotStringRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .schema("k STRING, n INT, _corrupt_record INT")
                .csv(in.toString()));
    }

    /** DROPMALFORMED: malformed lines (bad type, too few, too many fields) are dropped. */
    @Case
    public static void csvDropMalformed(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", "b,two", "c", "d,4,extra", "e,5");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("mode", "DROPMALFORMED")
                .schema("k STRING, n INT")
                .csv(in.toString()));
    }

    /** DROPMALFORMED with a corrupt-record column in the schema. */
    @Case
    public static void csvDropMalformedWithCorruptRecordColumn(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", "b,two");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("mode", "DROPMALFORMED")
                .schema("k STRING, n INT, _corrupt_record STRING")
                .csv(in.toString()));
    }

    /**
     * FAILFAST: the first file's batch completes; the second file's bad line fails the query.
     * Shows whether the foreachBatch function was called for the failing batch, and the error chain.
     */
    @Case
    public static void csvFailFast(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", "b,2");
        ctx.file(in, "2.csv", "c,3", "d,four");
        ctx.file(in, "3.csv", "e,5");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("mode", "FAILFAST")
                .option("maxFilesPerTrigger", 1)
                .schema("k STRING, n INT")
                .csv(in.toString()));
    }

    /** FAILFAST with a line that has too few fields, under processAllAvailable. */
    @Case
    public static void csvFailFastMissingFieldProcessAllAvailable(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", "b");
        StreamingQuery q = ctx.spark().readStream()
                .option("mode", "failfast")
                .schema("k STRING, n INT")
                .csv(in.toString())
                .writeStream()
                .foreachBatch(SourcesSupport.tracing(ctx))
                .start();
        try {
            q.processAllAvailable();
            ctx.println("processAllAvailable() returned");
        } catch (Exception e) {
            ctx.println("processAllAvailable() failed:");
            SourcesSupport.chain(ctx, e);
        }
        ctx.println("active: " + q.isActive());
    }

    /** An unknown {@code mode} value. */
    @Case
    public static void csvUnknownMode(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1", "b,two");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("mode", "LENIENT")
                .schema("k STRING, n INT")
                .csv(in.toString()));
    }

    /** A {@code sep} of two characters. */
    @Case
    public static void csvSepTwoCharactersRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a;;1");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("sep", ";;")
                .schema("k STRING, n INT")
                .csv(in.toString()));
    }

    /** {@code Trigger.Once()} reads every available file in one batch, whatever {@code maxFilesPerTrigger}. */
    @Case
    public static void csvTriggerOnceReadsAllFiles(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.csv", "a,1");
        ctx.file(in, "2.csv", "b,2");
        StreamingQuery q = ctx.spark().readStream()
                .option("maxFilesPerTrigger", 1)
                .schema("k STRING, n INT")
                .csv(in.toString())
                .writeStream()
                .trigger(Trigger.Once())
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.awaitTermination();
    }
}
