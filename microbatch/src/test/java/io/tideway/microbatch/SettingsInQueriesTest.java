package io.tideway.microbatch;

import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A micro-batch query reads its settings through their declarations: Spark's time strings and
 * spellings that the point-of-use parsing refused ({@code pollingDelay=10ms}) run; retention can
 * never be set to a value that deletes the live batch (issue 17 item 1).
 */
class SettingsInQueriesTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("settings").getOrCreate().newSession();

    @AfterEach
    void stop() throws Exception {
        for (StreamingQuery q : spark.streams().active()) {
            q.stop();
        }
    }

    @Test
    void sparkSpellingsRunAQuery(@TempDir Path dir) throws Exception {
        spark.conf().set("spark.sql.streaming.pollingDelay", "10ms");
        spark.conf().set("spark.sql.streaming.noDataProgressEventInterval", "1s");
        spark.conf().set("spark.sql.streaming.stateStore.maintenanceInterval", "1min");
        spark.conf().set("spark.sql.streaming.noDataMicroBatches.enabled", " TRUE ");
        spark.conf().set("spark.sql.shuffle.partitions", " 3 ");
        spark.conf().set("spark.sql.streaming.multipleWatermarkPolicy", "MAX");
        spark.conf().set("spark.sql.streaming.stopTimeout", "1min");
        spark.conf().set("spark.sql.streaming.minBatchesToRetain", "1");
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName("counts").option("checkpointLocation", dir.toString()).start();
        for (int i = 0; i < 3; i++) {
            words.addData("a", "b", "a");
            q.processAllAvailable();
        }
        List<Row> rows = spark.sql("SELECT value, count FROM counts ORDER BY value").collectAsList();
        assertEquals("[[a,6], [b,3]]", rows.toString());
        String offsets = Files.readString(dir.resolve("offsets/2"));
        assertTrue(offsets.contains("\"spark.sql.shuffle.partitions\":\"3\""), offsets);
        assertTrue(Files.exists(dir.resolve("commits/2")), "minBatchesToRetain=1 keeps the live batch");
        q.stop();
    }

    @Test
    void retentionThatWouldDeleteTheLiveBatchRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set("spark.sql.streaming.minBatchesToRetain", "0"));
        assertEquals("'0' in spark.sql.streaming.minBatchesToRetain is invalid. minBatchesToRetain has to be positive",
                e.getMessage());
    }
}
