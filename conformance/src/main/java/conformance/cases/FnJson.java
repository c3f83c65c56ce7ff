package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * JSON functions: to_json (structs, maps, arrays; options), from_json (schemas as StructType, DDL,
 * a column; options and parse modes; map and array schemas), get_json_object, schema_of_json,
 * json_object_keys, json_array_length, Dataset.toJSON, and the Kafka-style JSON ETL on a stream.
 */
public final class FnJson {
    private FnJson() {
    }

    private static Map<String, String> options(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** JSON texts: objects, nesting, a wrong type, malformed text, an array, null. */
    static Dataset<Row> docs(CaseContext ctx) {
        return strings(ctx,
                "{\"a\": 1, \"b\": \"x\", \"c\": [1, 2], \"d\": {\"e\": 2.5}}",
                "{\"a\": \"notint\", \"b\": null}",
                "{\"a\": 3",
                "[{\"a\": 4}, {\"a\": 5}]",
                null,
                "{\"b\": \"only b\", \"extra\": true}",
                "");
    }

    @Case
    public static void toJsonOfStructs(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, to_json(struct(col("i"), col("l"), col("d"), col("s"), col("b"))),
                to_json(struct(col("ts"), col("dt"))),
                to_json(struct(col("ts"), col("dt")), options("timestampFormat", "yyyy/MM/dd HH:mm", "dateFormat", "dd.MM.yyyy")),
                to_json(struct(col("i"), col("s")), options("ignoreNullFields", "false")),
                to_json(struct(col("i"), struct(col("s"), array(col("d"))).as("n"))),
                to_json(struct(col("i").as("x")), options("pretty", "true")));
        showExpr(ctx, df, "to_json(named_struct('a', i, 'b', s))", "to_json(struct(d / 0.0 AS inf, i))",
                "to_json(array(i, l))", "to_json(map('k', i))", "to_json(array(named_struct('a', i)))",
                "to_json(map(s, array(d)))", "to_json(i)", "to_json(named_struct('a', CAST(1.50 AS DECIMAL(5, 2))))",
                "to_json(named_struct('bin', CAST(s AS BINARY)))", "to_json(array())", "to_json(NULL)");
    }

    @Case
    public static void fromJsonSchemas(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        StructType schema = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType)
                .add("c", DataTypes.createArrayType(DataTypes.LongType))
                .add("d", new StructType().add("e", DataTypes.DoubleType));
        show(ctx, df, from_json(col("s"), schema), from_json(col("s"), "a INT, b STRING", options()),
                from_json(col("s"), lit("a BIGINT, d STRUCT<e: STRING>")),
                from_json(col("s"), schema_of_json(lit("{\"a\": 1, \"b\": \"x\"}"))),
                from_json(col("s"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)),
                from_json(col("s"), DataTypes.createArrayType(new StructType().add("a", DataTypes.IntegerType))),
                from_json(col("s"), schema).getField("d").getField("e"));
        showExpr(ctx, df, "from_json(s, 'a INT, b STRING')", "from_json(s, 'a INT, c ARRAY<INT>').c[1]",
                "from_json(s, 'MAP<STRING, INT>')", "from_json(s, 'ARRAY<INT>')", "from_json(s, 'a INT NOT NULL')",
                "from_json(s, 'nonsense type')", "from_json(s)", "from_json(s, 1)", "from_json(1, 'a INT')",
                "from_json(s, schema_of_json('{\"a\": 1}'))");
    }

    @Case
    public static void fromJsonModesAndOptions(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        StructType withCorrupt = new StructType().add("a", DataTypes.IntegerType).add("_corrupt_record", DataTypes.StringType);
        StructType other = new StructType().add("a", DataTypes.IntegerType).add("bad", DataTypes.StringType);
        show(ctx, df, from_json(col("s"), withCorrupt, options()),
                from_json(col("s"), other, options("columnNameOfCorruptRecord", "bad")),
                from_json(col("s"), other, options("mode", "PERMISSIVE")),
                from_json(col("s"), other, options("mode", "DROPMALFORMED")),
                from_json(col("s"), other, options("mode", "FAILFAST")));
        Dataset<Row> ts = strings(ctx, "{\"t\": \"2024-03-15 10:30:45\", \"d\": \"15/03/2024\"}",
                "{\"t\": \"2024-03-15T10:30:45.123Z\", \"d\": \"2024-03-15\"}", "{'t': 1, \"n\": NaN}");
        show(ctx, ts, from_json(col("s"), "t TIMESTAMP, d DATE, n DOUBLE", options()),
                from_json(col("s"), "t TIMESTAMP, d DATE", options("dateFormat", "dd/MM/yyyy")),
                from_json(col("s"), "t STRING, n DOUBLE", options("allowSingleQuotes", "false")),
                from_json(col("s"), "t TIMESTAMP", options("timestampFormat", "yyyy-MM-dd HH:mm:ss")));
    }

    @Case
    public static void getJsonObjectPaths(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "{\"a\": 1, \"b\": {\"c\": [10, 20, {\"d\": \"x\"}]}, \"s\": \"text\", \"n\": null}",
                "{\"a\": [1, 2, 3], \"b\": {\"c\": []}}", "not json", null, "[1, {\"a\": 2}]");
        show(ctx, df, get_json_object(col("s"), "$.a"), get_json_object(col("s"), "$.b"),
                get_json_object(col("s"), "$.b.c[0]"), get_json_object(col("s"), "$.b.c[2].d"),
                get_json_object(col("s"), "$.a[*]"), get_json_object(col("s"), "$.b.c[*]"),
                get_json_object(col("s"), "$.s"), get_json_object(col("s"), "$.n"), get_json_object(col("s"), "$"),
                get_json_object(col("s"), "$[1].a"), get_json_object(col("s"), "$['a']"), get_json_object(col("s"), "a"),
                get_json_object(col("s"), "$.missing"), get_json_object(col("s"), "$..a"));
        showExpr(ctx, df, "get_json_object(s, '$.a')", "get_json_object('{\"a\": {\"b\": 1}}', '$.a')",
                "get_json_object(s, NULL)", "get_json_object(s)");
    }

    /** Texts for the path forms: wildcards, nested arrays, duplicates, single quotes, numbers, text after the value. */
    static Dataset<Row> pathDocs(CaseContext ctx) {
        return strings(ctx,
                "{\"a\": [{\"b\": 1}, {\"b\": 2}, {\"c\": 3}], \"x\": {\"y\": [\"p\", \"q\"]}, \"n\": [null, 1], \"e\": [],"
                        + " \"f\": 1.50, \"g\": 1e2, \"big\": 123456789012345678901234567890, \"neg\": -0, \"a b\": \"spaced\"}",
                "{\"a\": [{\"b\": 1}], \"k\": \"k1\", \"k\": \"k2\", \"d\": null, \"d\": \"second\"}",
                "{'a': [{'b': 'single'}], 'q': \"it's\"}",
                "{\"a\": [[1, 2], [3, [4, 5]]], \"s\": \"tab\\there \\u00e9 \\\"q\\\" \u00fc\"}",
                "{\"a\": 1} trailing text",
                "null",
                "\"just a string\"",
                "[[{\"b\": 1}, {\"b\": 2}], [{\"b\": 3}]]",
                "{\"a\": [{\"b\": \"x\"}, {\"b\": [\"y\", \"z\"]}, {\"b\": null}]}",
                "{\"a\": 1, \"b\": [}");
    }

    @Case
    public static void getJsonObjectWildcards(CaseContext ctx) {
        Dataset<Row> df = pathDocs(ctx);
        showExpr(ctx, df, "get_json_object(s, '$.a[*].b')", "get_json_object(s, '$.a[0].b')", "get_json_object(s, '$.a[1]')",
                "get_json_object(s, '$.a[5]')", "get_json_object(s, '$.a[*]')", "get_json_object(s, '$.a[*][*]')",
                "get_json_object(s, '$.a[*][1]')", "get_json_object(s, '$.a[1][*]')", "get_json_object(s, '$[*]')",
                "get_json_object(s, '$[*][*]')", "get_json_object(s, '$[*][*].b')", "get_json_object(s, '$[0][*].b')",
                "get_json_object(s, '$[*].b')", "get_json_object(s, '$.a[*][*][*]')", "get_json_object(s, '$.x.y[*]')",
                "get_json_object(s, '$.e[*]')", "get_json_object(s, '$.n[*]')");
    }

    @Case
    public static void getJsonObjectValues(CaseContext ctx) {
        Dataset<Row> df = pathDocs(ctx);
        showExpr(ctx, df, "get_json_object(s, '$')", "get_json_object(s, '$.n[0]')", "get_json_object(s, '$.n')",
                "get_json_object(s, '$.e')", "get_json_object(s, '$.f')", "get_json_object(s, '$.g')", "get_json_object(s, '$.big')",
                "get_json_object(s, '$.neg')", "get_json_object(s, '$.k')", "get_json_object(s, '$.d')", "get_json_object(s, '$.q')",
                "get_json_object(s, '$.s')", "get_json_object(s, '$.x')", "get_json_object(s, '$[0]')",
                "get_json_object(s, concat('$.', 'a'))");
    }

    @Case
    public static void getJsonObjectPathSyntax(CaseContext ctx) {
        Dataset<Row> df = pathDocs(ctx).limit(3);
        showExpr(ctx, df, "get_json_object(s, '$.*')", "get_json_object(s, '$.x.*')", "get_json_object(s, '$.a b')",
                "get_json_object(s, '$. a')", "get_json_object(s, '$.k ')", "get_json_object(s, '$[ 0]')",
                "get_json_object(s, '$.a[ 0].b')", "get_json_object(s, '$.a[0 ].b')", "get_json_object(s, '$ .k')",
                "get_json_object(s, ' $.k')", "get_json_object(s, '$.')", "get_json_object(s, '$[')", "get_json_object(s, '$.a[-1]')",
                "get_json_object(s, '$.a[x]')", "get_json_object(s, '$.a[*]extra')", "get_json_object(s, '')");
        // bracketed names through the Java API: a quote escaped inside a SQL string literal is read elsewhere
        show(ctx, df, get_json_object(col("s"), "$['*']"), get_json_object(col("s"), "$['a b']"),
                get_json_object(col("s"), "$.a[0]['b']"), get_json_object(col("s"), "$['']"), get_json_object(col("s"), "$[' k']"),
                get_json_object(col("s"), "$['k' ]"), get_json_object(col("s"), "$ ['k']"));
    }

    @Case
    public static void jsonTupleValues(CaseContext ctx) {
        Dataset<Row> df = pathDocs(ctx);
        Dataset<Row> out = df.select(col("s"), json_tuple(col("s"), "a", "q", "f", "g", "big", "k", "d", "s", "n", "e"));
        OpsData.fields(ctx, out);
        for (String line : Canonical.sortedRows(out.collectAsList())) {
            ctx.println(line);
        }
    }

    @Case
    public static void schemaKeysAndLength(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "{\"a\": 1, \"b\": [1, 2], \"c\": {\"d\": true}}", "[1, 2, 3]", "[]",
                "{}", "[1, [2, 3], {\"a\": 1}]", "bad", null, "{\"x\": 1.5, \"y\": \"s\", \"z\": null}");
        show(ctx, df, json_object_keys(col("s")), json_array_length(col("s")));
        Dataset<Row> one = table(ctx).limit(1);
        show(ctx, one, schema_of_json("{\"a\": 1, \"b\": [1, 2], \"c\": {\"d\": true}}"),
                schema_of_json(lit("[{\"a\": 1.5}, {\"b\": \"x\"}]")), schema_of_json(lit("{\"x\": null, \"y\": 12345678901}")),
                schema_of_json(lit("{'a': 1}"), options("allowSingleQuotes", "false")),
                schema_of_json(lit("1")), schema_of_json(col("s")));
        showExpr(ctx, one, "schema_of_json('{\"a\": [1, 2.5], \"t\": \"2024-01-01\"}')", "json_object_keys('{\"k\": 1}')",
                "json_array_length('[1, 2]')", "json_array_length(1)");
    }

    @Case
    public static void datasetToJson(CaseContext ctx) {
        Dataset<Row> df = table(ctx).select(col("i"), col("s"), col("d"), col("ts"), struct(col("b"), col("dt")).as("n"),
                array(col("i"), col("i")).as("a"));
        for (String s : df.toJSON().collectAsList()) {
            ctx.println(s);
        }
        ctx.println(df.toJSON().schema().simpleString());
    }

    @Case
    public static void jsonEtlOnStream(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "{\"device\": \"d1\", \"temp\": 21.5, \"ts\": \"2024-03-15T10:30:00Z\", \"tags\": [\"a\"]}",
                "{\"device\": \"d2\", \"temp\": \"hot\", \"ts\": \"2024-03-15T10:31:00Z\"}",
                "not json at all");
        ctx.file(in, "2.txt", "{\"device\": \"d3\", \"temp\": -4, \"ts\": null, \"tags\": [\"x\", \"y\"]}");
        StructType schema = new StructType().add("device", DataTypes.StringType).add("temp", DataTypes.DoubleType)
                .add("ts", DataTypes.TimestampType).add("tags", DataTypes.createArrayType(DataTypes.StringType));
        Dataset<Row> parsed = ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString())
                .select(from_json(col("value").cast("string"), schema).as("data"))
                .select("data.*");
        Dataset<Row> out = parsed.where(col("device").isNotNull())
                .select(col("device").as("key"), to_json(struct(col("device"), col("temp"), col("ts"), size(col("tags")).as("n")))
                        .as("value"));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }
}
