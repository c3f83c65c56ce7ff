package io.tideway.continuous;

import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.api.java.UDF1;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.expressions.UserDefinedFunction;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.udf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Java UDFs in a continuous query: called per row in the task's generated chain; a user's exception fails the query. */
class ContinuousUdfTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void udfRunsInContinuousMode(@TempDir Path dir) throws Exception {
        UserDefinedFunction label = udf((UDF1<Long, String>) v -> v % 2 == 0 ? "even" + v : null, DataTypes.StringType);
        spark.udf().register("times3", (UDF1<Long, Long>) v -> v * 3, DataTypes.LongType);
        MemoryStream<Long> s = new MemoryStream<>(201, spark, Encoders.LONG(), 2);
        StreamingQuery q = s.toDS().select(col("value"), label.apply(col("value")).as("l"))
                .selectExpr("value", "l", "times3(value) AS t").where("t > 0")
                .writeStream().format("memory").queryName("cont_udf").trigger(Trigger.Continuous(50))
                .option("checkpointLocation", dir.toString()).start();
        for (long i = 0; i < 100; i++) {
            s.addData(i);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (spark.table("cont_udf").count() < 99) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for 99 rows");
            }
            Thread.onSpinWait();
        }
        q.stop();
        assertTrue(q.exception().isEmpty());
        List<Row> rows = spark.table("cont_udf").collectAsList();
        assertEquals(99, rows.size());
        for (Row r : rows) {
            long v = r.getLong(0);
            assertEquals(v % 2 == 0 ? "even" + v : null, r.get(1));
            assertEquals(3 * v, r.getLong(2));
        }
    }

    @Test
    void userExceptionFailsTheContinuousQuery(@TempDir Path dir) throws Exception {
        UserDefinedFunction boom = udf((UDF1<Long, Long>) v -> {
            if (v == 5) {
                throw new IllegalStateException("five");
            }
            return v;
        }, DataTypes.LongType);
        MemoryStream<Long> s = new MemoryStream<>(202, spark, Encoders.LONG(), 2);
        StreamingQuery q = s.toDS().select(boom.apply(col("value")))
                .writeStream().format("memory").queryName("cont_udf_boom").trigger(Trigger.Continuous(50))
                .option("checkpointLocation", dir.toString()).start();
        for (long i = 0; i < 10; i++) {
            s.addData(i);
        }
        StreamingQueryException e = assertThrows(StreamingQueryException.class, () -> q.awaitTermination(20_000));
        Throwable root = e;
        boolean udfFailure = false;
        while (root != null) {
            udfFailure |= String.valueOf(root.getMessage()).contains("[FAILED_EXECUTE_UDF]");
            root = root.getCause() == root ? null : root.getCause();
        }
        assertTrue(udfFailure, e.toString());
    }
}
