package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;

/**
 * The file source reading JSON (JSON Lines by default): the user schema, the JSON options, schema
 * inference under {@code spark.sql.streaming.schemaInference}, and malformed records in each
 * parse mode.
 */
public final class SourcesFileJson {
    private SourcesFileJson() {
    }

    /** A {@code StructType} schema: fields are taken by name, in the schema's order. */
    @Case
    public static void jsonSchemaStructType(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"name\":\"alice\",\"age\":30}", "{\"age\":25,\"name\":\"bob\"}");
        StructType schema = new StructType().add("name", DataTypes.StringType).add("age", DataTypes.LongType);
        Dataset<Row> df = ctx.spark().readStream().schema(schema).json(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** A DDL schema with a nested struct and an array. */
    @Case
    public static void jsonSchemaDdlNested(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json",
                "{\"id\":1,\"tags\":[\"a\",\"b\"],\"pos\":{\"x\":1.5,\"y\":-2}}",
                "{\"id\":2,\"tags\":[],\"pos\":null}");
        Dataset<Row> df = ctx.spark().readStream()
                .schema("id INT, tags ARRAY<STRING>, pos STRUCT<x: DOUBLE, y: DOUBLE>")
                .format("json")
                .load(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** Missing fields are null; fields not in the schema are ignored. */
    @Case
    public static void jsonMissingAndExtraFields(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1}", "{\"b\":\"x\",\"c\":true}", "{}", "{\"a\":2,\"b\":\"y\",\"extra\":[1,2]}");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("a LONG, b STRING")
                .json(in.toString()));
    }

    /** PERMISSIVE without a corrupt-record column: a string where a long is expected. */
    @Case
    public static void jsonStringWhereLongExpectedPermissive(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1,\"b\":\"ok\"}", "{\"a\":\"one\",\"b\":\"kept?\"}", "{\"a\":\"2\",\"b\":\"quoted number\"}",
                "{\"a\":1.5,\"b\":\"fraction\"}");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("a LONG, b STRING")
                .json(in.toString()));
    }

    /** Numbers, booleans, objects and arrays read into a string column. */
    @Case
    public static void jsonNonStringsIntoStringColumn(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"s\":42}", "{\"s\":true}", "{\"s\":{\"k\":1}}", "{\"s\":[1, 2]}", "{\"s\":1.50}");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("s STRING")
                .json(in.toString()));
    }

    /** PERMISSIVE with {@code _corrupt_record}: a syntax error and a type mismatch keep their text. */
    @Case
    public static void jsonPermissiveWithCorruptRecordColumn(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1,\"b\":\"ok\"}", "{\"a\":2,\"b\":", "{\"a\":\"three\",\"b\":\"typed\"}", "not json");
        Dataset<Row> df = ctx.spark().readStream()
                .schema("a LONG, b STRING, _corrupt_record STRING")
                .json(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** PERMISSIVE without a corrupt-record column: a line that is not JSON. */
    @Case
    public static void jsonSyntaxErrorPermissive(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1,\"b\":\"ok\"}", "{\"a\":2,\"b\":", "not json");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("a LONG, b STRING")
                .json(in.toString()));
    }

    /** A line holding a JSON value that is not an object (a number, an array of numbers, an array of objects). */
    @Case
    public static void jsonLineNotAnObject(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "42", "[1,2]", "[{\"a\":7},{\"a\":8}]", "\"text\"");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("a LONG, _corrupt_record STRING")
                .json(in.toString()));
    }

    /** {@code columnNameOfCorruptRecord="raw"}. */
    @Case
    public static void jsonCustomCorruptRecordColumn(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1}", "{broken");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("columnNameOfCorruptRecord", "raw")
                .schema("raw STRING, a LONG")
                .json(in.toString()));
    }

    /** DROPMALFORMED: syntax errors and type mismatches are dropped. */
    @Case
    public static void jsonDropMalformed(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1,\"b\":\"ok\"}", "{\"a\":2,\"b\":", "{\"a\":\"three\",\"b\":\"typed\"}", "{\"b\":\"no a\"}");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("mode", "DROPMALFORMED")
                .schema("a LONG, b STRING")
                .json(in.toString()));
    }

    /** FAILFAST: a type mismatch in the second file fails the query; was the function called? */
    @Case
    public static void jsonFailFastTypeMismatch(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1}");
        ctx.file(in, "2.json", "{\"a\":2}", "{\"a\":\"x\"}");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("mode", "FAILFAST")
                .option("maxFilesPerTrigger", 1)
                .schema("a LONG")
                .json(in.toString()));
    }

    /** FAILFAST: a syntax error in the only file. */
    @Case
    public static void jsonFailFastSyntaxError(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1}", "{\"a\":");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .option("mode", "FAILFAST")
                .schema("a LONG")
                .json(in.toString()));
    }

    /** {@code multiLine=true}: one pretty-printed object per file. */
    @Case
    public static void jsonMultiLineObject(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{", "  \"name\": \"alice\",", "  \"age\": 30", "}");
        ctx.file(in, "2.json", "{\"name\": \"bob\",", " \"age\": 25}");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("multiLine", true)
                .option("maxFilesPerTrigger", 1)
                .schema("name STRING, age INT")
                .json(in.toString()));
    }

    /** {@code multiLine=true}: a top-level array is one row per element. */
    @Case
    public static void jsonMultiLineArray(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "[", "  {\"name\": \"alice\", \"age\": 30},", "  {\"name\": \"bob\", \"age\": 25}", "]");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("multiLine", "true")
                .schema("name STRING, age INT")
                .json(in.toString()));
    }

    /** Without {@code multiLine}, a pretty-printed object is one malformed record per line. */
    @Case
    public static void jsonPrettyPrintedWithoutMultiLine(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{", "  \"name\": \"alice\",", "  \"age\": 30", "}");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("name STRING, age INT, _corrupt_record STRING")
                .json(in.toString()));
    }

    /** Comments in JSON: malformed by default, accepted with {@code allowComments=true}. */
    @Case
    public static void jsonAllowComments(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1 /* inline */}", "// whole line comment", "{\"a\":2} // trailing");
        ctx.println("default:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("a LONG, _corrupt_record STRING")
                .json(in.toString()));
        ctx.println("allowComments=true:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("allowComments", true)
                .schema("a LONG, _corrupt_record STRING")
                .json(in.toString()));
    }

    /** Single quotes: accepted by default, malformed with {@code allowSingleQuotes=false}. */
    @Case
    public static void jsonAllowSingleQuotes(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{'a':1,'b':'single'}", "{\"a\":2,\"b\":\"double\"}");
        ctx.println("default:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("a LONG, b STRING, _corrupt_record STRING")
                .json(in.toString()));
        ctx.println("allowSingleQuotes=false:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("allowSingleQuotes", false)
                .schema("a LONG, b STRING, _corrupt_record STRING")
                .json(in.toString()));
    }

    /** Without a schema a streaming JSON source is refused. */
    @Case
    public static void jsonWithoutSchemaRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1}");
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream().json(in.toString()));
    }

    /** {@code spark.sql.streaming.schemaInference=true}: the schema is inferred from the existing files. */
    @Case
    public static void jsonSchemaInferenceConf(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.schemaInference", "true");
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"name\":\"alice\",\"age\":30,\"score\":1.5,\"ok\":true}", "{\"name\":\"bob\",\"tags\":[\"x\"]}");
        Dataset<Row> df = ctx.spark().readStream().json(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** {@code primitivesAsString=true} under schema inference: numbers and booleans become strings. */
    @Case
    public static void jsonPrimitivesAsStringInferred(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.schemaInference", "true");
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"n\":30,\"d\":1.50,\"b\":true,\"s\":\"x\"}");
        Dataset<Row> df = ctx.spark().readStream().option("primitivesAsString", true).json(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** {@code primitivesAsString=true} with a user schema has nothing to infer: the schema's types stay. */
    @Case
    public static void jsonPrimitivesAsStringWithUserSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"n\":30,\"s\":7}");
        Dataset<Row> df = ctx.spark().readStream().option("primitivesAsString", true).schema("n LONG, s STRING")
                .json(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** {@code dropFieldIfAllNull=true} under schema inference: a field that is always null is not a column. */
    @Case
    public static void jsonDropFieldIfAllNullInferred(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.schemaInference", "true");
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1,\"n\":null,\"e\":[]}", "{\"a\":2,\"n\":null,\"e\":[]}");
        ctx.println("default:");
        SourcesSupport.describe(ctx, ctx.spark().readStream().json(in.toString()));
        ctx.println("dropFieldIfAllNull=true:");
        Dataset<Row> df = ctx.spark().readStream().option("dropFieldIfAllNull", true).json(in.toString());
        SourcesSupport.describe(ctx, df);
        SourcesSupport.runAvailableNow(ctx, df);
    }

    /** Timestamps and dates: default ISO parsing and {@code timestampFormat}. */
    @Case
    public static void jsonTimestampFormat(CaseContext ctx) throws Exception {
        Path in1 = ctx.dir("in1");
        Path in2 = ctx.dir("in2");
        ctx.file(in1, "1.json", "{\"ts\":\"2024-01-02T03:04:05Z\",\"d\":\"2024-01-02\"}");
        ctx.file(in2, "2.json", "{\"ts\":\"2024/01/02 03:04\",\"d\":\"2024-01-02\"}");
        ctx.println("default:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("ts TIMESTAMP, d DATE")
                .json(in1.toString()));
        ctx.println("timestampFormat=yyyy/MM/dd HH:mm:");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .option("timestampFormat", "yyyy/MM/dd HH:mm")
                .schema("ts TIMESTAMP, d DATE")
                .json(in2.toString()));
    }

    /** Blank lines in a JSON Lines file are not records. */
    @Case
    public static void jsonBlankLinesSkipped(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"a\":1}", "", "  ", "{\"a\":2}");
        SourcesSupport.runAvailableNow(ctx, ctx.spark().readStream()
                .schema("a LONG, _corrupt_record STRING")
                .json(in.toString()));
    }
}
