package io.tideway.sql;

import io.tideway.SparkThrowable;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.explode;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.sum;
import static io.tideway.sql.functions.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The errors Tideway's API raises, against what Spark 4.0.4 raised for the same program: the
 * expected condition, parameters and message are Spark's output. Where Spark appends the plan
 * ({@code ;\n...}) or a position ({@code ; line 1 pos 0}) after the SQLSTATE, Tideway does not:
 * those cases compare the message up to and including the SQLSTATE.
 */
class SparkErrorWordingTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Dataset<Row> batch = spark.createDataFrame(List.of(RowFactory.create(1L)),
            new StructType().add("v", DataTypes.LongType));
    private final Dataset<Row> rate = spark.readStream().format("rate").load();

    private static AnalysisException analysis(Executable query) {
        return assertThrows(AnalysisException.class, query);
    }

    private static void assertSpark(String condition, Map<String, String> parameters, String message, SparkThrowable e) {
        assertEquals(condition, e.getCondition());
        assertEquals(parameters, e.getMessageParameters());
        assertEquals(message, ((Throwable) e).getMessage());
    }

    @Test
    void datasetCalls() {
        assertSpark("WRITE_STREAM_NOT_ALLOWED", Map.of(),
                "[WRITE_STREAM_NOT_ALLOWED] `writeStream` can be called only on streaming Dataset/DataFrame. SQLSTATE: 42601",
                analysis(batch::writeStream));
        assertSpark("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of("objectName", "`nope`", "proposal", "`v`"),
                "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope` cannot be "
                        + "resolved. Did you mean one of the following? [`v`]. SQLSTATE: 42703", analysis(() -> batch.col("nope")));
        AnalysisException dedup = analysis(() -> batch.dropDuplicates("nope"));
        assertSpark("_LEGACY_ERROR_TEMP_1201", Map.of("colName", "nope", "fieldNames", "v"),
                "Cannot resolve column name \"nope\" among (v).", dedup);
        assertNull(dedup.getSqlState());
        assertSpark("ASSIGNMENT_ARITY_MISMATCH", Map.of("numTarget", "1", "numExpr", "2"),
                "[ASSIGNMENT_ARITY_MISMATCH] The number of columns or variables assigned or aliased: 1 does not match the number "
                        + "of source expressions: 2. SQLSTATE: 42802", analysis(() -> batch.toDF("a", "b")));
        assertSpark("NUM_COLUMNS_MISMATCH", Map.of("operator", "UNION", "firstNumColumns", "1", "invalidOrdinalNum", "second",
                        "invalidNumColumns", "2"),
                "[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first "
                        + "input has 1 columns and the second input has 2 columns. SQLSTATE: 42826",
                analysis(() -> batch.union(batch.select(col("v"), col("v").as("x")))));
    }

    @Test
    void typeChecks() {
        assertSpark("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", Map.of("sqlExpr", "\"v\"", "filter", "\"v\"", "type", "\"BIGINT\""),
                "[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"v\" due to data type mismatch: Filter expression \"v\" "
                        + "of type \"BIGINT\" is not a boolean. SQLSTATE: 42K09", analysis(() -> batch.filter(col("v"))));
        assertUpToSqlState("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"explode(v)\" due to data type mismatch: "
                + "The first parameter requires the (\"ARRAY\" or \"MAP\") type, however \"v\" has the type \"BIGINT\". "
                + "SQLSTATE: 42K09", analysis(() -> batch.select(explode(col("v")))));
        assertUpToSqlState("[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve \"(v AND v)\" due to data type mismatch: "
                + "the binary operator requires the input type \"BOOLEAN\", not \"BIGINT\". SQLSTATE: 42K09",
                analysis(() -> batch.filter(col("v").and(col("v")))));
        assertUpToSqlState("[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(v + true)\" due to data type mismatch: "
                + "the left and right operands of the binary operator have incompatible types (\"BIGINT\" and \"BOOLEAN\"). "
                + "SQLSTATE: 42K09", analysis(() -> batch.select(col("v").plus(lit(true)))));
        assertSpark("INVALID_EXTRACT_BASE_FIELD_TYPE", Map.of("base", "\"v\"", "other", "\"BIGINT\""),
                "[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"v\". Need a complex type [STRUCT, ARRAY, MAP] "
                        + "but got \"BIGINT\". SQLSTATE: 42000", analysis(() -> batch.select(col("v").getField("x"))));
        assertUpToSqlState("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"sum(true)\" due to data type mismatch: "
                + "The first parameter requires the \"NUMERIC\" or \"ANSI INTERVAL\" type, however \"true\" has the type "
                + "\"BOOLEAN\". SQLSTATE: 42K09", analysis(() -> batch.agg(sum(lit(true)))));
    }

    @Test
    void aggregations() {
        assertUpToSqlState("[GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but found count(v). "
                + "SQLSTATE: 42903", analysis(() -> batch.groupBy(count(col("v"))).count()));
        assertUpToSqlState("[MISSING_AGGREGATION] The non-aggregating expression \"v\" is based on columns which are not "
                + "participating in the GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate the "
                + "expression, or use \"any_value(v)\" if you do not care which of the values within a group is returned. "
                + "SQLSTATE: 42803", analysis(() -> batch.groupBy(col("v").plus(1)).agg(col("v"))));
    }

    @Test
    void windowsAndWatermarks() {
        String unparsable = "[CANNOT_PARSE_INTERVAL] Unable to parse 'abc'. Please ensure that the value provided is in a valid "
                + "format for defining an interval. You can reference the documentation for the correct format. If the issue "
                + "persists, please double check that the input value is not null or empty and try again. SQLSTATE: 22006";
        assertSpark("CANNOT_PARSE_INTERVAL", Map.of("intervalString", "'abc'"), unparsable,
                analysis(() -> rate.withWatermark("timestamp", "abc")));
        assertSpark("CANNOT_PARSE_INTERVAL", Map.of("intervalString", "'abc'"), unparsable,
                analysis(() -> rate.groupBy(window(col("timestamp"), "abc")).count()));
        assertUpToSqlState("[EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time `value` has the invalid type \"BIGINT\", but "
                + "expected \"TIMESTAMP\". SQLSTATE: 42K09", analysis(() -> rate.withWatermark("value", "1 minute")));
        assertUpToSqlState("[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve \"window(timestamp, -1000000, -1000000, 0)\" "
                + "due to data type mismatch: The `window_duration` must be between (0, 9223372036854775807] (current value = "
                + "-1000000L). SQLSTATE: 42K09", analysis(() -> rate.groupBy(window(col("timestamp"), "-1 second")).count()));
        assertUpToSqlState("[DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION] Cannot resolve \"window(timestamp, 60000000, "
                + "120000000, 0)\" due to data type mismatch: The `slide_duration`(120000000L) must be <= the "
                + "`window_duration`(60000000L). SQLSTATE: 42K09",
                analysis(() -> rate.groupBy(window(col("timestamp"), "1 minute", "2 minutes")).count()));
        assertUpToSqlState("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"window(v, 60000000, 60000000, 0)\" due "
                + "to data type mismatch: The first parameter requires the (\"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)\" or "
                + "\"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\" or \"STRUCT<start: TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>\") type, "
                + "however \"v\" has the type \"BIGINT\". SQLSTATE: 42K09",
                analysis(() -> batch.groupBy(window(col("v"), "1 minute")).count()));
        assertSpark("_LEGACY_ERROR_TEMP_1039", Map.of(), "Multiple time/session window expressions would result in a cartesian "
                + "product of rows, therefore they are currently not supported.", analysis(() -> rate.groupBy(
                window(col("timestamp"), "1 minute"), window(col("timestamp"), "2 minutes")).count()));
    }

    @Test
    void streamingStartChecks() {
        AnalysisException collect = analysis(rate::collectAsList);
        assertEquals("_LEGACY_ERROR_TEMP_3102", collect.getCondition());
        assertTrue(collect.getMessage().startsWith("Queries with streaming sources must be executed with writeStream.start();\n"),
                collect.getMessage());
        for (Runnable action : List.<Runnable>of(rate::count, rate::show, () -> rate.foreach(r -> { }), rate::first,
                rate::isEmpty, () -> rate.takeAsList(1))) {
            assertTrue(analysis(action::run).getMessage().startsWith(
                    "Queries with streaming sources must be executed with writeStream.start();\n"));
        }
        assertSpark("STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION", Map.of("outputMode", "complete",
                        "operation", "no streaming aggregations"),
                "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: complete. This output mode is not "
                        + "supported for no streaming aggregations on streaming DataFrames/DataSets. SQLSTATE: 42KDE",
                analysis(() -> rate.writeStream().format("console").outputMode("complete").start()));
        assertSpark("STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION", Map.of("outputMode", "append",
                        "operation", "streaming aggregations without watermark"),
                "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: append. This output mode is not "
                        + "supported for streaming aggregations without watermark on streaming DataFrames/DataSets. SQLSTATE: 42KDE",
                analysis(() -> rate.groupBy("value").count().writeStream().format("memory").queryName("q")
                        .outputMode("append").start()));
        assertSpark("_LEGACY_ERROR_TEMP_1194", Map.of(), "queryName must be specified for memory sink.",
                analysis(() -> rate.writeStream().format("memory").start()));
        assertSpark("_LEGACY_ERROR_TEMP_1197", Map.of("operation", "memory"), "'memory' does not support partitioning.",
                analysis(() -> rate.writeStream().format("memory").queryName("q").partitionBy("value").start()));
        assertSpark("_LEGACY_ERROR_TEMP_1195", Map.of("source", "foreachBatch"),
                "'foreachBatch' is not supported with continuous trigger.", analysis(() -> rate.writeStream()
                        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (d, id) -> { }).trigger(Trigger.Continuous(1000)).start()));
        assertSpark("_LEGACY_ERROR_TEMP_1295", Map.of(), "Set a host to read from with option(\"host\", ...).",
                analysis(() -> spark.readStream().format("socket").load()));
    }

    private static void assertUpToSqlState(String sparkPrefix, AnalysisException e) {
        String m = e.getMessage();
        assertEquals(sparkPrefix, m.substring(0, Math.min(m.length(), sparkPrefix.length())), m);
        assertTrue(m.length() == sparkPrefix.length() || m.startsWith(";", sparkPrefix.length()), m);
    }
}
