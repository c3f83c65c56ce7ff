package io.tideway.microbatch;

import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Streaming aggregation keys normalize doubles as Spark's NormalizeFloatingNumbers: -0.0 is the
 * group of 0.0 and every NaN the one NaN group, across batches and through the state store.
 */
class FloatingGroupingKeysInStreamsTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate().newSession();

    @AfterEach
    void stop() throws Exception {
        for (StreamingQuery q : spark.streams().active()) {
            q.stop();
        }
    }

    @Test
    void streamingGroupByShowsOneZeroGroup(@TempDir Path dir) throws Exception {
        MemoryStream<Double> s = MemoryStream.create(Encoders.DOUBLE(), spark);
        StreamingQuery q = s.toDF().groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName("groups").option("checkpointLocation", dir.resolve("b").toString()).start();
        s.addData(-0.0, Double.NaN);
        q.processAllAvailable();
        s.addData(0.0, Double.longBitsToDouble(0x7ff8000000000001L));
        q.processAllAvailable();
        List<String> rows = new ArrayList<>();
        for (Row r : spark.table("groups").collectAsList()) {
            rows.add(r.get(0) + " -> " + r.get(1));
        }
        Collections.sort(rows);
        assertEquals(List.of("0.0 -> 2", "NaN -> 2"), rows);
    }
}
