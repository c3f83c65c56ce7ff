package io.tideway.microbatch;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** orderBy and limit on a stream: above an aggregation in Complete mode each batch's whole result is sorted and cut. */
class SortedCompleteOutputTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("test").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void topCountsAreSortedAndLimitedEachBatchAndSurviveARestart(@TempDir Path dir) throws Exception {
        MemoryStream<Integer> values = MemoryStream.create(Encoders.INT(), spark);
        Dataset<Row> top = values.toDF().groupBy("value").count().orderBy(col("count").desc(), col("value")).limit(2);
        String checkpoint = dir.resolve("chk").toString();
        StreamingQuery q = top.writeStream().outputMode("complete").format("memory").queryName("top")
                .option("checkpointLocation", checkpoint).start();
        values.addData(1, 2, 2, 3, 3, 3);
        q.processAllAvailable();
        // what Spark 4.0.4 prints for the same program: batch 0 [3,3] [2,2], batch 1 [1,5] [3,3]
        assertEquals("[[3,3], [2,2]]", spark.table("top").collectAsList().toString());
        values.addData(1, 1, 1, 1);
        q.processAllAvailable();
        assertEquals("[[1,5], [3,3]]", spark.table("top").collectAsList().toString());
        q.stop();

        values.addData(2, 2, 2, 2);
        StreamingQuery restarted = top.writeStream().outputMode("complete").format("memory").queryName("top")
                .option("checkpointLocation", checkpoint).start();
        restarted.processAllAvailable();
        assertEquals("[[2,6], [1,5]]", spark.table("top").collectAsList().toString());
        restarted.stop();
    }

    @Test
    void consoleShowsTheSortedCompleteResult(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> sorted = words.toDF().groupBy("value").count().withColumnRenamed("value", "word").orderBy("word");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            StreamingQuery q = sorted.writeStream().outputMode("complete").format("console")
                    .option("checkpointLocation", dir.toString()).start();
            words.addData("d", "b", "c", "a", "b", "e", "f");
            q.processAllAvailable();
            q.stop();
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("+----+-----+\n|word|count|\n+----+-----+\n|   a|    1|\n|   b|    2|\n|   c|    1|\n"
                + "|   d|    1|\n|   e|    1|\n|   f|    1|\n+----+-----+\n"), out);
    }

    @Test
    void sortingOutsideCompleteModeIsRefusedAtStart() {
        MemoryStream<Integer> values = MemoryStream.create(Encoders.INT(), spark);
        AnalysisException append = assertThrows(AnalysisException.class,
                () -> values.toDF().orderBy("value").writeStream().format("memory").queryName("s1").start());
        assertTrue(append.getMessage().startsWith("Sorting is not supported on streaming DataFrames/Datasets, unless it is on "
                + "aggregated DataFrame/Dataset in Complete output mode;\nSort [value ASC NULLS FIRST], true\n"), append.getMessage());
        AnalysisException update = assertThrows(AnalysisException.class, () -> values.toDF().groupBy("value").count().limit(2)
                .writeStream().outputMode("update").format("memory").queryName("s2").start());
        assertTrue(update.getMessage().startsWith("Limits are not supported on streaming DataFrames/Datasets in Update output "
                + "mode;\nLocalLimit 2\n+- Aggregate"), update.getMessage());
    }
}
