package io.tideway.microbatch;

import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordCountTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("test").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    private static Map<String, Long> counts(TidewaySession spark, String table) {
        Map<String, Long> m = new TreeMap<>();
        for (Row r : spark.table(table).collectAsList()) {
            m.put(r.getString(0), r.getLong(1));
        }
        return m;
    }

    @Test
    void quickExampleCountsWordsInCompleteModeAndResumesFromCheckpoint(@TempDir Path dir) throws Exception {
        MemoryStream<String> lines = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<String> words = lines.toDS()
                .flatMap((FlatMapFunction<String, String>) x -> Arrays.asList(x.split(" ")).iterator(), Encoders.STRING());
        Dataset<Row> wordCounts = words.groupBy("value").count();
        String checkpoint = dir.resolve("chk").toString();

        StreamingQuery q = wordCounts.writeStream().outputMode("complete").format("memory").queryName("counts")
                .option("checkpointLocation", checkpoint).start();
        lines.addData("apache spark", "apache hadoop");
        q.processAllAvailable();
        assertEquals(Map.of("apache", 2L, "spark", 1L, "hadoop", 1L), counts(spark, "counts"));
        lines.addData("spark tideway");
        q.processAllAvailable();
        assertEquals(Map.of("apache", 2L, "spark", 2L, "hadoop", 1L, "tideway", 1L), counts(spark, "counts"));
        assertTrue(q.lastProgress().json().contains("\"stateOperators\":[{\"operatorName\":\"stateStoreSave\""), q.lastProgress().json());
        q.stop();

        lines.addData("hadoop hadoop");
        StreamingQuery restarted = wordCounts.writeStream().outputMode("complete").format("memory").queryName("counts")
                .option("checkpointLocation", checkpoint).start();
        restarted.processAllAvailable();
        assertEquals(q.id(), restarted.id(), "the query id survives a restart");
        assertEquals(Map.of("apache", 2L, "spark", 2L, "hadoop", 3L, "tideway", 1L), counts(spark, "counts"));
        restarted.stop();
    }

    @Test
    void updateModeEmitsOnlyChangedGroups(@TempDir Path dir) throws Exception {
        MemoryStream<String> lines = MemoryStream.create(Encoders.STRING(), spark);
        Dataset<Row> counts = lines.toDF().groupBy("value").count();
        StreamingQuery q = counts.writeStream().outputMode("update").format("memory").queryName("updates")
                .option("checkpointLocation", dir.toString()).start();
        lines.addData("a", "b", "a");
        q.processAllAvailable();
        lines.addData("b");
        q.processAllAvailable();
        var rows = spark.table("updates").collectAsList();
        assertEquals(3, rows.size(), rows.toString());
        assertEquals("[b,2]", rows.get(2).toString());
        q.stop();
    }
}
