package io.tideway.sql;

import io.tideway.SparkThrowable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The errors a stream writer raises at {@code start()} for a file sink, against what Spark 4.0.4
 * raised for the same program (condition, parameters and message are Spark's output).
 */
class FileSinkErrorWordingTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Dataset<Row> rate = spark.readStream().format("rate").load();

    private static void assertSpark(String condition, Map<String, String> parameters, String message, SparkThrowable e) {
        assertEquals(condition, e.getCondition());
        assertEquals(parameters, e.getMessageParameters());
        assertEquals(message, ((Throwable) e).getMessage());
    }

    @Test
    void streamingStartChecks(@TempDir Path dir) {
        assertSpark("STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE", Map.of("className", "json", "outputMode", "complete"),
                "[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: complete. This output mode is "
                        + "not supported in Data Source json. SQLSTATE: 42KDE",
                assertThrows(AnalysisException.class, () -> rate.groupBy("value").count().writeStream().format("json")
                        .outputMode("complete").option("checkpointLocation", dir.toString()).start(dir.resolve("out").toString())));
        assertSpark("_LEGACY_ERROR_TEMP_1298", Map.of("config", "spark.sql.streaming.checkpointLocation"),
                "checkpointLocation must be specified either through option(\"checkpointLocation\", ...) or "
                        + "SparkSession.conf.set(\"spark.sql.streaming.checkpointLocation\", ...).",
                assertThrows(AnalysisException.class, () -> rate.writeStream().format("json").start(dir.resolve("out2").toString())));
    }
}
