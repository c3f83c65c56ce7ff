package io.tideway.continuous;

import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.rand;
import static io.tideway.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each continuous task tells its generated chain its partition: the rate source's stripes (Spark's
 * partition p reads the values v with v % numPartitions == p) are numbered by spark_partition_id().
 */
class ContinuousPartitionIdTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void partitionIdIsTheRateStripe(@TempDir Path dir) throws Exception {
        StreamingQuery q = spark.readStream().format("rate").option("rowsPerSecond", 200).option("numPartitions", 3).load()
                .select(col("value"), spark_partition_id().alias("p"), rand(5).alias("r"))
                .writeStream().format("memory").queryName("cont_partition_id").trigger(Trigger.Continuous(50))
                .option("checkpointLocation", dir.toString()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (spark.sql("SELECT count(DISTINCT p) FROM cont_partition_id").first().getLong(0) < 3) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for rows of the three partitions");
            }
            Thread.onSpinWait();
        }
        q.stop();
        assertTrue(q.exception().isEmpty());
        List<Row> rows = spark.table("cont_partition_id").collectAsList();
        for (Row r : rows) {
            assertEquals(r.getLong(0) % 3, r.getInt(1), "partition of value " + r.getLong(0));
            assertTrue(r.getDouble(2) >= 0.0 && r.getDouble(2) < 1.0);
        }
    }
}
