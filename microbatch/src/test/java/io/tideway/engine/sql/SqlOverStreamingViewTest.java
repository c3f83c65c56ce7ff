package io.tideway.engine.sql;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sql()} over a memory sink's table (batch) and over a view of a streaming Dataset. */
class SqlOverStreamingViewTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[*]").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
        spark.streams().resetTerminated();
    }

    @Test
    void memorySinkTableIsQueriedWithReservedColumnNames() throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().groupBy("value").count().writeStream().outputMode("complete")
                .format("memory").queryName("counts").start();
        try {
            words.addData("a", "b", "a", "c", "a", "b");
            q.processAllAvailable();
            Dataset<Row> df = spark.sql("SELECT value, count FROM counts WHERE count > 1 ORDER BY count DESC");
            assertArrayEquals(new String[]{"value", "count"}, df.columns());
            assertEquals(List.of("a=3", "b=2"), pairs(df));
            words.addData("c", "c", "c");
            q.processAllAvailable();
            assertEquals(List.of("c=4", "a=3", "b=2"),
                    pairs(spark.sql("SELECT value, count FROM counts WHERE count > 1 ORDER BY count DESC, value")));
        } finally {
            q.stop();
        }
    }

    @Test
    void streamingViewGivesAStreamingDatasetAndRejectsOrderByAndLimit() throws Exception {
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
        s.toDF().createOrReplaceTempView("events");
        Dataset<Row> evens = spark.sql("SELECT value, value * 10 AS tens FROM events WHERE value % 2 = 0");
        assertTrue(evens.isStreaming());
        assertArrayEquals(new String[]{"value", "tens"}, evens.columns());
        Dataset<Row> grouped = spark.sql("SELECT value % 2 AS parity, count(*) FROM events GROUP BY value % 2");
        assertTrue(grouped.isStreaming());
        assertArrayEquals(new String[]{"parity", "count(1)"}, grouped.columns());
        // as in Spark, a streaming sort is a plan that start() refuses, not an error of sql()
        Dataset<Row> sorted = spark.sql("SELECT value FROM events ORDER BY value");
        AnalysisException sort = assertThrows(AnalysisException.class,
                () -> sorted.writeStream().format("memory").queryName("sorted").start());
        assertTrue(sort.getMessage().startsWith("Sorting is not supported on streaming DataFrames/Datasets, unless it is on "
                + "aggregated DataFrame/Dataset in Complete output mode"), sort.getMessage());
        AnalysisException limit = assertThrows(AnalysisException.class, () -> spark.sql("SELECT value FROM events LIMIT 3")
                .writeStream().outputMode("update").format("memory").queryName("limited").start());
        assertTrue(limit.getMessage().startsWith("Limits are not supported on streaming DataFrames/Datasets in Update output mode"),
                limit.getMessage());

        StreamingQuery q = evens.writeStream().format("memory").queryName("evens").start();
        try {
            s.addData(1L, 2L, 3L, 4L);
            q.processAllAvailable();
            assertEquals(List.of("2=20", "4=40"), pairs(spark.sql("SELECT * FROM evens ORDER BY tens")));
        } finally {
            q.stop();
            spark.dropView("events");
        }
    }

    private static List<String> pairs(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.get(0) + "=" + r.get(1));
        }
        return out;
    }
}
