package io.tideway.continuous;

import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Interval and timestamp_ntz expressions in a continuous query: computed per row, as in a batch. */
class ContinuousIntervalsTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void intervalArithmeticRunsInContinuousMode(@TempDir Path dir) throws Exception {
        MemoryStream<Long> s = new MemoryStream<>(101, spark, Encoders.LONG(), 2);
        StreamingQuery q = s.toDS().selectExpr("value",
                        "timestamp_seconds(value) + INTERVAL 1 DAY - timestamp_seconds(0) AS d",
                        "make_ym_interval(0, CAST(value AS INT)) AS y",
                        "CAST(timestamp_seconds(value) AS TIMESTAMP_NTZ) + INTERVAL '1-1' YEAR TO MONTH AS n")
                .where("d > INTERVAL '1' DAY")
                .writeStream().format("memory").queryName("cont_intervals").trigger(Trigger.Continuous(50))
                .option("checkpointLocation", dir.toString()).start();
        for (long i = 0; i < 100; i++) {
            s.addData(i);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (spark.table("cont_intervals").count() < 99) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for 99 rows");
            }
            Thread.onSpinWait();
        }
        q.stop();
        assertTrue(q.exception().isEmpty());
        List<Row> rows = spark.table("cont_intervals").collectAsList();
        assertEquals(99, rows.size(), "value 0 is filtered out: its difference is exactly one day");
        for (Row r : rows) {
            long v = r.getLong(0);
            assertEquals(Duration.ofDays(1).plusSeconds(v), r.get(1));
            assertEquals(Period.ofMonths((int) v).normalized(), r.get(2));
            assertEquals(LocalDateTime.of(1971, 2, 1, 0, 0).plusSeconds(v), r.get(3));
        }
    }
}
